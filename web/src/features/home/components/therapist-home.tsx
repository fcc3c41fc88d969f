import { Card, CardGrid } from '../../../components/ui/card';

export function TherapistHome() {
  return (
    <CardGrid label="Your work">
      <Card title="Today's sessions" description="Your appointments for today, ready to start." />
      <Card title="My caseload" description="The children on your care teams and their programs." to="/children" />
      <Card title="Graphs to review" description="Targets whose data needs a look." />
    </CardGrid>
  );
}
