/* Language state: Dutch by default, English switchable, persisted in localStorage. */
import { createContext } from 'preact';
import type { ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { Lang } from '../lib/dates';
import { en } from './en';
import { nl, type Dict } from './nl';

export type { Dict, Lang };

export const DICTS: Record<Lang, Dict> = { nl, en };
const STORAGE_KEY = 'spoorwijzer.lang';

export function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' || v === 'nl' ? v : 'nl';
  } catch {
    return 'nl';
  }
}

interface I18n {
  lang: Lang;
  t: Dict;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n>({ lang: 'nl', t: nl, setLang: () => undefined });

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* private mode: the choice just does not persist */
    }
    setLangState(l);
  }, []);
  const value = useMemo(() => ({ lang, t: DICTS[lang], setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
