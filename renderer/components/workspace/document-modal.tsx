import { Modal, Stack } from '@mantine/core';
import { useCall } from '../../hooks/use-call.js';
import { useLoadedSettings } from '../../state/settings.js';
import { DocumentActions } from '../document-actions.js';
import { ErrorAlert } from '../error-alert.js';
import { Loading } from '../loading.js';
import { ReceiptPreview } from '../receipt-preview.js';

/** A receipt or credit note as it prints, with Print and Download PDF: the three-dot menus' "View receipt" and "View credit note". */
export function DocumentModal({ document, id, title, onClose }: { document: 'receipt' | 'credit_note'; id: string; title: string; onClose(): void }) {
  const preview = useCall('document-preview', { document, id });
  const { printer } = useLoadedSettings();
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack gap="md">
        <DocumentActions document={document} id={id} printedBefore={false} />
        {preview.status === 'loading' && <Loading what={title} />}
        {preview.status === 'error' && <ErrorAlert title={`The ${document === 'receipt' ? 'receipt' : 'credit note'} could not be shown`} error={preview.error} onRetry={preview.reload} />}
        {preview.status === 'ok' && <ReceiptPreview document={preview.value} paperWidth={printer.paperWidth} />}
      </Stack>
    </Modal>
  );
}
