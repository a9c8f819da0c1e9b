import { Stack } from '@mantine/core';
import { useCall } from '../../hooks/use-call.js';
import { DocumentActions } from '../document-actions.js';
import { ErrorAlert } from '../error-alert.js';
import { Loading } from '../loading.js';
import { TillFigures } from './till-figures.js';

/** A till's X report (open) or Z report (closed), on screen, with Print and Download PDF of the same figures. */
export function TillReportPanel({ tillSessionId, kind }: { tillSessionId: string; kind: 'x_report' | 'z_report' }) {
  const report = useCall('till-report', { tillSessionId });
  if (report.status === 'loading') return <Loading what={kind === 'x_report' ? 'the X report' : 'the Z report'} />;
  if (report.status === 'error') return <ErrorAlert title="The till's figures could not be loaded" error={report.error} onRetry={report.reload} />;
  return (
    <Stack gap="md">
      <DocumentActions document={kind} id={tillSessionId} printedBefore={false} />
      <TillFigures report={report.value} />
    </Stack>
  );
}
