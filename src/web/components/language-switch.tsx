import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/contracts/common.js';
import { useChangeLanguage } from '../session.js';

/** ID/EN switch. For a logged-in user the choice is also saved to the account. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const changeLanguage = useChangeLanguage();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('web.language.label')}
      value={i18n.language === 'en' ? 'en' : 'id'}
      onChange={(value) => void changeLanguage(value as Language).catch(() => undefined)}
      data={[
        { value: 'id', label: <span title={t('web.language.id')}>ID</span> },
        { value: 'en', label: <span title={t('web.language.en')}>EN</span> },
      ]}
    />
  );
}
