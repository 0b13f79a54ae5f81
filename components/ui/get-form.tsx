"use client";

import Form from "next/form";
import { useSearchParams } from "next/navigation";
import { useEffect, useRef, type FormHTMLAttributes } from "react";

type Props = Omit<FormHTMLAttributes<HTMLFormElement>, "method" | "action">;

/**
 * A filter or search form whose state is the URL (a GET of this page, navigated in the app so what the
 * page holds, like a half-built group's ticks, stays; a plain GET before JavaScript): its fields always
 * show the URL's values. A field the person typed into would keep its typed value when the page is drawn
 * for another URL (Clear, Back, a link), since React only updates a field's default: keyed on the query,
 * the form starts afresh from the new defaults. Back from another site may restore the page as it was
 * left (the back/forward cache) or put typed values back (form restoration, which autocomplete="off"
 * stops): on such a return the form goes back to its defaults, which are the URL's.
 */
export function GetForm(props: Props) {
  return <UrlForm key={useSearchParams().toString()} {...props} />;
}

function UrlForm(props: Props) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const returned = (event: PageTransitionEvent) => {
      if (event.persisted) form.current?.reset();
    };
    window.addEventListener("pageshow", returned);
    return () => window.removeEventListener("pageshow", returned);
  }, []);
  return <Form ref={form} action="" autoComplete="off" {...props} />;
}
