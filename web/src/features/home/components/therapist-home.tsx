import { Card, CardGrid } from '../../../components/ui/card';

export function TherapistHome() {
  return (
    <CardGrid label="Your work">
      <Card
        title="Today's sessions"
        description="Today's appointments in order: check in, complete, and start recording."
        to="/schedule/today"
      />
      <Card
        title="Run a session"
        description="Start a session with a child on your caseload, or resume one on this device."
        to="/sessions/run"
      />
      <Card title="My caseload" description="The children on your care teams and their programs." to="/children" />
      <Card title="Graphs to review" description="Targets whose data needs a look." />
    </CardGrid>
  );
}
