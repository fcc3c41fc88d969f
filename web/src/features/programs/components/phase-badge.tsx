import { Badge } from '../../../components/ui/badge';
import { PHASE_LABELS, PHASE_TONES, type Phase } from '../api/program-types';

export function PhaseBadge({ phase }: { phase: Phase }) {
  return <Badge tone={PHASE_TONES[phase]}>{PHASE_LABELS[phase]}</Badge>;
}
