import { Card, CardGrid } from '../../../components/ui/card';

export function TherapistHome() {
  return (
    <CardGrid label="Your work">
      <Card
        title="Today's sessions"
        description="Start a session with a child on your caseload, or resume one on this device."
        to="/sessions/run"
      />
      <Card title="My caseload" description="The children on your care teams and their programs." to="/children" />
      <Card title="Graphs to review" description="Targets whose data needs a look." />
    </CardGrid>
  );
}
