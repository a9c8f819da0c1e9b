import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedText } from './use-debounced-text.js';

/** A text box of the view (a search, a receipt number, an amount) that hands on what is typed once typing rests. */
export function DebouncedInput({ value, onCommit, ...props }: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onCommit(text: string): void }) {
  const [text, setText] = useDebouncedText(value, onCommit);
  return <TextInput {...props} value={text} onChange={(e) => setText(e.currentTarget.value)} />;
}
