import { Badge } from '../../../components/ui/badge';
import { CHILD_STATUS_LABELS, CHILD_STATUS_TONES, type ChildStatus } from '../api/child-types';

export function ChildStatusBadge({ status }: { status: ChildStatus }) {
  return <Badge tone={CHILD_STATUS_TONES[status]}>{CHILD_STATUS_LABELS[status]}</Badge>;
}
