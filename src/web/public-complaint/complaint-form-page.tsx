/**
 * The public complaint form (`/aduan`): no sign-in, light enough for a cheap phone on a slow line
 * (no zod, no date pickers: native inputs). The reporter gets a tracking code at the end.
 */
import { Alert, Anchor, Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ComplaintChallenge, CreatedComplaint, PublicUnit } from '../../shared/contracts/complaints.js';
import { ApiError, api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const PHOTO_MAX = 5 * 1024 * 1024;

function localNow(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

type Gps = { latitude: number; longitude: number; accuracy: number };

export default function ComplaintFormPage() {
  const { t } = useTranslation();
  const units = useQuery({ queryKey: ['public', 'units'], queryFn: ({ signal }) => api.get<PublicUnit[]>('/public/complaints/units', undefined, signal) });
  const challenge = useQuery({
    queryKey: ['public', 'challenge'],
    queryFn: ({ signal }) => api.get<ComplaintChallenge>('/public/complaints/challenge', undefined, signal),
    staleTime: 20 * 60_000,
  });
  const [unitId, setUnitId] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [seenAt, setSeenAt] = useState(localNow());
  const [gps, setGps] = useState<Gps | null>(null);
  const [gpsError, setGpsError] = useState(false);
  const [locating, setLocating] = useState(false);
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [answer, setAnswer] = useState('');
  const [website, setWebsite] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<{ code: string; photoFailed: boolean } | null>(null);

  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  const chosenUnit = unitId ?? (unitOptions.length === 1 ? unitOptions[0].value : null);

  const locate = () => {
    if (!navigator.geolocation) return setGpsError(true);
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setGps({ latitude: pos.coords.latitude, longitude: pos.coords.longitude, accuracy: Math.round(pos.coords.accuracy) });
        setGpsError(false);
        setLocating(false);
      },
      () => {
        setGpsError(true);
        setLocating(false);
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const pickPhoto = (file: File | null) => {
    setPhotoError(null);
    if (file && (!PHOTO_TYPES.includes(file.type) || file.size > PHOTO_MAX)) {
      setPhoto(null);
      setPhotoError(t('errors.complaints.photo_type'));
      return;
    }
    setPhoto(file);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!chosenUnit) found.organizationId = t('validation.required');
    if (description.trim().length < 10) found.description = t('web.validation.tooShort', { count: 10 });
    if (address.trim().length < 5) found.address = t('web.validation.tooShort', { count: 5 });
    if (!answer.trim()) found.challengeAnswer = t('validation.required');
    setErrors(found);
    setError(null);
    if (Object.keys(found).length > 0 || !challenge.data) return;
    setSending(true);
    try {
      const created = await api.post<CreatedComplaint>('/public/complaints', {
        organizationId: chosenUnit,
        description: description.trim(),
        address: address.trim(),
        latitude: gps?.latitude ?? null,
        longitude: gps?.longitude ?? null,
        gpsAccuracyMeters: gps?.accuracy ?? null,
        seenAt: seenAt ? new Date(seenAt).toISOString() : null,
        reporterName: name.trim() || null,
        reporterPhone: phone.trim() || null,
        reporterEmail: email.trim() || null,
        challengeToken: challenge.data.token,
        challengeAnswer: answer.trim(),
        website,
      });
      let photoFailed = false;
      if (photo) {
        const res = await fetch(`/api/public/complaints/${created.trackingCode}/photo`, {
          method: 'POST',
          headers: { 'content-type': photo.type, 'x-photo-token': created.photoToken },
          body: photo,
        }).catch(() => null);
        photoFailed = !res?.ok;
      }
      setSent({ code: created.trackingCode, photoFailed });
      window.scrollTo({ top: 0 });
    } catch (caught) {
      if (caught instanceof ApiError) {
        const byField: Record<string, string> = {};
        for (const f of caught.fields) byField[f.field] = f.message;
        setErrors(byField);
        // A new question after a wrong or expired answer.
        if (caught.code === 'complaints.challenge_wrong' || caught.code === 'complaints.challenge_expired') {
          setAnswer('');
          void challenge.refetch();
        }
      }
      setError(caught);
    } finally {
      setSending(false);
    }
  };

  if (sent) {
    return (
      <Card withBorder radius="md" padding="lg" data-testid="complaint-sent">
        <Stack>
          <Title order={1} size="h3">
            {t('complaints.public.sentTitle')}
          </Title>
          <Text>{t('complaints.public.sentBody')}</Text>
          <Text fz={32} fw={800} ff="monospace" ta="center" data-testid="tracking-code" style={{ letterSpacing: 2 }}>
            {sent.code}
          </Text>
          {sent.photoFailed && <Alert color="orange">{t('complaints.public.photoFailed')}</Alert>}
          <Button component={Link} to={`/aduan/status?code=${sent.code}`}>
            {t('complaints.public.checkStatus')}
          </Button>
          <Button variant="subtle" onClick={() => window.location.reload()}>
            {t('complaints.public.another')}
          </Button>
        </Stack>
      </Card>
    );
  }

  return (
    <Card withBorder radius="md" padding="md">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={1} size="h3">
            {t('complaints.public.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('complaints.public.intro')}
          </Text>
          <Text size="sm" fw={600} c="red.8">
            {t('complaints.public.emergency')}
          </Text>
          {unitOptions.length > 1 && (
            <Select label={t('complaints.public.unit')} data={unitOptions} value={unitId} onChange={setUnitId} required error={errors.organizationId} />
          )}
          <Textarea
            label={t('complaints.public.what')}
            description={t('complaints.public.whatHint')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
            name="description"
          />
          <TextInput
            label={t('complaints.public.where')}
            description={t('complaints.public.whereHint')}
            required
            maxLength={300}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            error={errors.address}
            name="address"
          />
          <Group gap="xs">
            {gps ? (
              <>
                <Text size="sm" c="teal.8" data-testid="gps-set">
                  {t('complaints.public.locationSet', { meters: gps.accuracy })}
                </Text>
                <Button size="xs" variant="subtle" onClick={() => setGps(null)}>
                  {t('complaints.public.removeLocation')}
                </Button>
              </>
            ) : (
              <Button size="sm" variant="light" leftSection={<Icon name="mapPin" size={16} />} onClick={locate} loading={locating}>
                {t('complaints.public.useLocation')}
              </Button>
            )}
            {gpsError && (
              <Text size="sm" c="orange.8">
                {t('complaints.public.locationFailed')}
              </Text>
            )}
          </Group>
          <TextInput type="datetime-local" label={t('complaints.public.when')} value={seenAt} onChange={(e) => setSeenAt(e.currentTarget.value)} error={errors.seenAt} />
          <div>
            <Text size="sm" fw={500}>
              {t('complaints.public.photo')}
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              {t('complaints.public.photoHint')}
            </Text>
            <input type="file" accept="image/jpeg,image/png,image/webp" capture="environment" onChange={(e) => pickPhoto(e.currentTarget.files?.[0] ?? null)} aria-label={t('complaints.public.photo')} />
            {photoError && (
              <Text size="xs" c="red.8">
                {photoError}
              </Text>
            )}
          </div>
          <Text size="sm" fw={600} mt="xs">
            {t('complaints.public.contact')}
          </Text>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('complaints.public.contactHint')}
          </Text>
          <TextInput label={t('complaints.public.name')} maxLength={120} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.reporterName} autoComplete="name" />
          <TextInput label={t('complaints.public.phone')} type="tel" inputMode="tel" maxLength={20} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={errors.reporterPhone} autoComplete="tel" />
          <TextInput label={t('complaints.public.email')} type="email" maxLength={200} value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.reporterEmail} autoComplete="email" />
          {/* Honeypot: hidden from people (and screen readers), filled in by bots. */}
          <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}>
            <label>
              {t('complaints.public.honeypot')}
              <input type="text" name="website" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.currentTarget.value)} />
            </label>
          </div>
          <TextInput
            label={challenge.data ? t('complaints.public.question', { question: challenge.data.question }) : '…'}
            required
            inputMode="numeric"
            maxLength={4}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            error={errors.challengeAnswer}
            name="challengeAnswer"
          />
          <ApiErrorAlert error={error ?? units.error ?? challenge.error} />
          <Button type="submit" size="md" loading={sending} disabled={!challenge.data} data-testid="complaint-submit">
            {t('complaints.public.submit')}
          </Button>
          <Anchor component={Link} to="/aduan/status" size="sm" ta="center">
            {t('complaints.public.checkStatus')}
          </Anchor>
        </Stack>
      </form>
    </Card>
  );
}
