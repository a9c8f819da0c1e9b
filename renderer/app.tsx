import { Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { AppFrame } from './components/app-frame.js';
import { ErrorAlert } from './components/error-alert.js';
import { AccountScreen } from './screens/account-screen.js';
import { CollectionReportScreen } from './screens/collection-report-screen.js';
import { CreditNoteScreen } from './screens/credit-note-screen.js';
import { DashboardScreen } from './screens/dashboard-screen.js';
import { EndOfDayScreen } from './screens/end-of-day-screen.js';
import { LoginScreen } from './screens/login-screen.js';
import { PaymentFormScreen } from './screens/payment-form-screen.js';
import { PaymentModesScreen } from './screens/payment-modes-screen.js';
import { PlanAlertsScreen } from './screens/plan-alerts-screen.js';
import { PlanNewScreen } from './screens/plan-new-screen.js';
import { PlanScreen } from './screens/plan-screen.js';
import { PlanSettingsScreen } from './screens/plan-settings-screen.js';
import { ReceiptScreen } from './screens/receipt-screen.js';
import { RecoveryScreen } from './screens/recovery-screen.js';
import { ReviewScreen } from './screens/review-screen.js';
import { SyncScreen } from './screens/sync-screen.js';
import { TillScreen } from './screens/till-screen.js';
import { TillSettingsScreen } from './screens/till-settings-screen.js';
import { WorkspaceScreen } from './screens/workspace-screen.js';
import { useRouter } from './state/router.js';
import { useSession } from './state/session.js';
import { useSettings } from './state/settings.js';

export function App() {
  const signedIn = useSession((s) => s.token !== null);
  return signedIn ? <SignedIn /> : <LoginScreen />;
}

function SignedIn() {
  const { settings, error, load } = useSettings();
  useEffect(() => {
    if (!settings && !error) void load();
  }, [settings, error, load]);

  if (error) {
    return (
      <Center h="100vh" p="md">
        <ErrorAlert title="Settings could not be loaded" error={error} onRetry={() => void load()} />
      </Center>
    );
  }
  if (!settings) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading settings" />
      </Center>
    );
  }
  return (
    <AppFrame>
      <CurrentScreen />
    </AppFrame>
  );
}

function CurrentScreen() {
  const route = useRouter((s) => s.route);
  switch (route.name) {
    case 'dashboard':
      return <DashboardScreen />;
    case 'account':
      return <AccountScreen key={route.consumerId} consumerId={route.consumerId} />;
    case 'payment':
      return <PaymentFormScreen key={route.consumerId} consumerId={route.consumerId} />;
    case 'review':
      return <ReviewScreen />;
    case 'receipt':
      return <ReceiptScreen key={route.paymentId} paymentId={route.paymentId} />;
    case 'payment-modes':
      return <PaymentModesScreen />;
    case 'credit-note':
      return <CreditNoteScreen key={route.creditNoteId} creditNoteId={route.creditNoteId} />;
    case 'till-settings':
      return <TillSettingsScreen />;
    case 'sync':
      return <SyncScreen />;
    case 'till':
      return <TillScreen />;
    case 'end-of-day':
      return <EndOfDayScreen />;
    case 'recovery':
      return <RecoveryScreen />;
    case 'plan':
      return <PlanScreen key={route.planId} planId={route.planId} />;
    case 'plan-new':
      return <PlanNewScreen key={route.consumerId} consumerId={route.consumerId} />;
    case 'plan-alerts':
      return <PlanAlertsScreen />;
    case 'collection-report':
      return <CollectionReportScreen />;
    case 'plan-settings':
      return <PlanSettingsScreen />;
    case 'workspace':
      return <WorkspaceScreen />;
  }
}
