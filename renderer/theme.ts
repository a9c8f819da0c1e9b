import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamilyMonospace: '"DejaVu Sans Mono", "Menlo", "Consolas", monospace',
});
