import { Card, CardGrid } from '../../../components/ui/card';

export function AdminHome() {
  return (
    <CardGrid label="Clinic areas">
      <Card title="Users" description="Add staff and parents, change roles, deactivate accounts." to="/admin/users" />
      <Card title="Children" description="Profiles, guardians and care teams." to="/children" />
      <Card title="Schedule" description="Appointments and therapist availability." to="/schedule" />
      <Card title="Billing" description="Authorizations, invoices and payments." />
      <Card title="Reports" description="Progress and utilization across the clinic." />
      <Card title="Audit" description="Who looked at or changed what, and when." to="/admin/audit" />
    </CardGrid>
  );
}
