import { useMemo } from 'react';
import { scheduleChildName, useScheduleChildren } from '../api/list-schedule-children';

/** Child names by id, from the children the caller may see (appointments carry only the id). */
export function useChildNames(): (childId: string) => string {
  const children = useScheduleChildren();
  return useMemo(() => {
    const names = new Map((children.data?.content ?? []).map((child) => [child.id, scheduleChildName(child)]));
    return (childId: string) => names.get(childId) ?? 'Child';
  }, [children.data]);
}
