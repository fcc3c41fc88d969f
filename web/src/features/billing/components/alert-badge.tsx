import { Badge } from '../../../components/ui/badge';
import {
  AUTHORIZATION_ALERT_LABELS,
  AUTHORIZATION_ALERT_TONES,
  AUTHORIZATION_STATUS_LABELS,
  AUTHORIZATION_STATUS_TONES,
  type AuthorizationAlert,
  type AuthorizationStatus,
} from '../api/authorization-types';

export function AuthorizationAlertBadge({ alert }: { alert: AuthorizationAlert | null }) {
  if (!alert) return null;
  return <Badge tone={AUTHORIZATION_ALERT_TONES[alert]}>{AUTHORIZATION_ALERT_LABELS[alert]}</Badge>;
}

export function AuthorizationStatusBadge({ status }: { status: AuthorizationStatus }) {
  return <Badge tone={AUTHORIZATION_STATUS_TONES[status]}>{AUTHORIZATION_STATUS_LABELS[status]}</Badge>;
}
