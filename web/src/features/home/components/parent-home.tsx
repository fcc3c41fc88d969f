import { Card, CardGrid } from '../../../components/ui/card';

export function ParentHome() {
  return (
    <CardGrid label="Your family">
      <Card title="My children" description="Progress and programs for each child." to="/children" />
      <Card title="Upcoming sessions" description="When and with whom." to="/schedule/upcoming" />
      <Card title="Messages" description="Talk with your child's care team." />
      <Card title="Invoices" description="Statements and payments." />
    </CardGrid>
  );
}
