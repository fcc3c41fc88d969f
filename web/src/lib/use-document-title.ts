import { useEffect } from 'react';

export const APP_NAME = 'SPARKTherapy';

/** Sets the browser tab title to "<title> · SPARKTherapy". */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
