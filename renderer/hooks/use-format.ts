import dayjs from 'dayjs';
import { cents, formatMoneyAscii } from '../../core/money.js';
import { useLoadedSettings } from '../state/settings.js';

/**
 * Money and dates as the counter shows them. Money uses the receipt's own form
 * ("KES 1,234.50") so the screen and the paper a customer holds read alike.
 */
export function useFormat() {
  const { currency, dateFormat } = useLoadedSettings();
  return {
    currency,
    money: (amount: number) => formatMoneyAscii(cents(amount), currency),
    date: (isoDate: string) => dayjs(isoDate).format(dateFormat),
  };
}
