import { Box, Divider, Group, Paper, Text } from '@mantine/core';
import type { DocumentLine, PrintDocument } from '../../core/receipts/print-document.js';

/** Characters per line of the paper: the preview is as wide as the receipt that comes out of the printer. */
const COLUMNS: Record<58 | 80, number> = { 58: 32, 80: 48 };

function Line({ line }: { line: DocumentLine }) {
  switch (line.kind) {
    case 'text':
      return (
        <Text inherit ta={line.align ?? 'left'} fw={line.bold ? 700 : undefined} fz={line.size === 'large' ? '1.3em' : undefined} style={{ whiteSpace: 'pre-wrap' }}>
          {line.text}
        </Text>
      );
    case 'pair':
      return (
        <Group justify="space-between" wrap="nowrap" gap="1ch" fw={line.bold ? 700 : undefined}>
          <span>{line.left}</span>
          <span style={{ textAlign: 'right' }}>{line.right}</span>
        </Group>
      );
    case 'rule':
      return <Divider variant="dashed" my={4} color="dark.2" />;
    case 'blank':
      return <Box h="1lh" />;
    case 'qr':
      return (
        <Box ta="center" my={4}>
          <Text inherit size="xs" c="dimmed" style={{ border: '1px dashed currentColor', display: 'inline-block', padding: '0.5em 1ch' }}>
            QR code on paper: {line.data}
          </Text>
        </Box>
      );
  }
}

/** The receipt as printed, line for line, from the same document the printer and the PDF get. */
export function ReceiptPreview({ document, paperWidth }: { document: PrintDocument; paperWidth: 58 | 80 }) {
  return (
    <Paper withBorder shadow="sm" p="md" component="section" aria-label="Receipt" ff="monospace" fz="sm" w={`calc(${COLUMNS[paperWidth]}ch + 2 * var(--mantine-spacing-md))`} maw="100%" lh={1.45}>
      {document.lines.map((line, index) => (
        <Line key={index} line={line} />
      ))}
    </Paper>
  );
}
