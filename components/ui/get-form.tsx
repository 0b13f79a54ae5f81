"use client";

import Form from "next/form";
import { useEffect, useRef, type FormHTMLAttributes } from "react";

type Props = Omit<FormHTMLAttributes<HTMLFormElement>, "method" | "action"> & {
  /** What the fields show: the page's filter as it parsed the URL (its fields' defaults are drawn from it). */
  values: Record<string, unknown>;
};

/**
 * A filter or search form whose state is the URL (a GET of this page, navigated in the app so what the
 * page holds, like a half-built group's ticks, stays; a plain GET before JavaScript): its fields always
 * show the URL's values. A field the person typed into would keep its typed value when the page is drawn
 * for another URL (Clear, Back, Forward, a link), since React only updates a field's default, so the form
 * is keyed on `values` and starts afresh from the new defaults. The key comes from the server with the
 * fields themselves: a key from `useSearchParams` changes a render early on Back (the router shows the
 * old page's fields until the new ones arrive), so the fresh form took the old values and kept them.
 * Back from another site may restore the page as it was left (the back/forward cache) or put typed values
 * back (form restoration, which autocomplete="off" stops): on such a return the form goes back to its
 * defaults, which are the URL's.
 */
export function GetForm({ values, ...props }: Props) {
  return <UrlForm key={JSON.stringify(values)} {...props} />;
}

function UrlForm(props: Omit<Props, "values">) {
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
