import { create } from 'zustand';
import { v7 as uuidv7 } from 'uuid';
import type { ApiErrorData } from '../../core/api/errors.js';
import type { PaymentDraft } from '../payments/draft.js';

interface DraftState {
  draft: PaymentDraft | null;
  /**
   * Made when the review first opens and sent by every Confirm of that review,
   * so a double click, or a Confirm repeated after a lost answer, posts once.
   * Any change to the draft makes it a different payment, with a new id.
   */
  paymentId: string | null;
  /** The backend's objection to the last Confirm, shown on the field it names until that field changes. */
  rejection: ApiErrorData | null;
  start(draft: PaymentDraft): void;
  change(draft: PaymentDraft): void;
  openReview(): void;
  reject(error: ApiErrorData): void;
  clear(): void;
}

/** The payment being recorded, from the form through the review to Confirm. */
export const usePaymentDraft = create<DraftState>()((set) => ({
  draft: null,
  paymentId: null,
  rejection: null,
  start: (draft) => set({ draft, paymentId: null, rejection: null }),
  change: (draft) =>
    set(({ draft: before, rejection }) => {
      const field = rejection?.field as keyof PaymentDraft | undefined;
      const fixed = !field || !before || JSON.stringify(before[field]) !== JSON.stringify(draft[field]);
      return { draft, paymentId: null, rejection: fixed ? null : rejection };
    }),
  openReview: () => set(({ paymentId }) => ({ paymentId: paymentId ?? uuidv7() })),
  reject: (rejection) => set({ rejection }),
  clear: () => set({ draft: null, paymentId: null, rejection: null }),
}));
