/**
 * Raid intake (`/cases/raid`), made for a phone at the shelter's door: one shared block (source,
 * agency, place, time, default categories), then a fast list of people (name or description, sex,
 * approximate age, own categories when they differ). One submit opens one case per person.
 */
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Image,
  Loader,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CaseSummary, type CreateBatchIntakeBody, createBatchIntakeBody } from '../../shared/contracts/cases.js';
import { CASE_SOURCES, type CaseSource } from '../../shared/domain/enums.js';
import { ApiError, api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';
import { type FieldErrors, issueMessage, optionalText, useForm } from '../forms.js';
import { useSession } from '../session.js';
import { CategorySelect } from './category-select.js';
import { enumOptions, fromPickerValue, toPickerValue } from './case-format.js';
import { casesKey, useShelterUnits } from './case-queries.js';
import { DatesScope, DateTimeField } from './date-fields.js';
import { FormSection, type Sex, SexControl, UnitSelect } from './form-parts.js';
import { uploadAttachment } from './upload.js';

interface Person {
  key: number;
  name: string;
  sex: Sex;
  estimatedAge: number | string;
  categories: string[];
  hasOwnCategories: boolean;
  /** Taken with the phone's camera; uploaded to the person's case once the cases exist. */
  photo: File | null;
}

let nextKey = 1;
const newPerson = (): Person => ({ key: nextKey++, name: '', sex: 'unknown', estimatedAge: '', categories: [], hasOwnCategories: false, photo: null });

const sharedInitial = () => ({
  source: 'satpol_pp_raid' as CaseSource,
  broughtByName: '',
  broughtByAgency: '',
  letterNumber: '',
  foundLocation: '',
  foundAt: '',
  arrivedAt: toPickerValue(),
  organizationId: '',
  categories: [] as string[],
});
type Shared = ReturnType<typeof sharedInitial>;

function toBody(shared: Shared, people: Person[]): CreateBatchIntakeBody {
  return {
    source: shared.source,
    broughtByName: optionalText(shared.broughtByName),
    broughtByAgency: optionalText(shared.broughtByAgency),
    letterNumber: optionalText(shared.letterNumber),
    foundLocation: optionalText(shared.foundLocation),
    foundAt: fromPickerValue(shared.foundAt) ?? null,
    arrivedAt: fromPickerValue(shared.arrivedAt) as string,
    organizationId: shared.organizationId,
    categories: shared.categories,
    people: people.map((person) => ({
      name: person.name.trim(),
      // A raid rarely gets full names: what is typed is what the person gave or how they look.
      nameQuality: 'partial',
      sex: person.sex,
      estimatedAge: person.estimatedAge === '' ? null : Number(person.estimatedAge),
      categories: person.hasOwnCategories && person.categories.length > 0 ? person.categories : undefined,
    })),
  };
}

/** Per-person problems (`people.2.name`) by person index and field; the rest by shared field. */
function splitErrors(fields: { field: string; message: string }[]) {
  const perPerson: Record<number, FieldErrors> = {};
  const rest: { field: string; message: string }[] = [];
  for (const problem of fields) {
    const match = /^people\.(\d+)\.(\w+)/.exec(problem.field);
    if (match) {
      const index = Number(match[1]);
      perPerson[index] ??= {};
      perPerson[index][match[2]] ??= problem.message;
    } else rest.push(problem);
  }
  return { perPerson, rest };
}

interface Created {
  name: string;
  caseId: string;
  photo: File | null;
}

type PhotoState = 'uploading' | 'done' | ApiError;

/** Each person's photo goes to their new case, one at a time (a phone's connection is narrow). */
function usePhotoUploads(created: Created[]) {
  const { csrfToken } = useSession();
  const { t } = useTranslation();
  const [states, setStates] = useState<Record<string, PhotoState>>({});
  const started = useRef(false);

  const uploadOne = async (item: Created) => {
    if (!item.photo) return;
    setStates((current) => ({ ...current, [item.caseId]: 'uploading' }));
    try {
      await uploadAttachment(csrfToken, { caseId: item.caseId, kind: 'photo', caption: t('casesWeb.raid.photoCaption'), takenAt: new Date(item.photo.lastModified).toISOString() }, item.photo);
      setStates((current) => ({ ...current, [item.caseId]: 'done' }));
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(0, 'unknown', t('web.errors.unknown'));
      setStates((current) => ({ ...current, [item.caseId]: failure }));
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the uploads start once, for the cases just made
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      for (const item of created) await uploadOne(item);
    })();
  }, []);

  return { states, retry: (item: Created) => void uploadOne(item) };
}

function PhotoStatus({ state, onRetry }: { state: PhotoState | undefined; onRetry: () => void }) {
  const { t } = useTranslation();
  if (!state) return null;
  if (state === 'uploading') {
    return (
      <Group gap={4}>
        <Loader size={12} />
        <Text size="xs" c="dimmed">
          {t('casesWeb.raid.photoUploading')}
        </Text>
      </Group>
    );
  }
  if (state === 'done') {
    return (
      <Text size="xs" c="teal.8" data-testid="raid-photo-done">
        <Icon name="check" size={12} /> {t('casesWeb.raid.photoDone')}
      </Text>
    );
  }
  return (
    <Group gap={6}>
      <Text size="xs" c="red.8">
        {t('casesWeb.raid.photoFailed')}: {state.message}
      </Text>
      <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
        {t('web.common.retry')}
      </Button>
    </Group>
  );
}

function RaidResult({ created, onAgain }: { created: Created[]; onAgain: () => void }) {
  const { t } = useTranslation();
  const photos = usePhotoUploads(created);
  // The new cases' numbers, from the open worklist (newest arrivals first); a name is enough otherwise.
  const numbers = useQuery({
    queryKey: [...casesKey, 'list', { list: 'open', raid: created.map((c) => c.caseId) }],
    queryFn: ({ signal }) => api.get<{ items: CaseSummary[] }>('/cases', { list: 'open', limit: 200 }, signal),
    select: (data) => new Map(data.items.map((item) => [item.id, item.caseNumber])),
  });
  return (
    <Stack maw={720} gap="md">
      <Title order={1} size="h2">
        {t('casesWeb.raid.title')}
      </Title>
      <Alert color="teal" variant="light" title={t('casesWeb.raid.doneTitle', { count: created.length })} role="status">
        {t('casesWeb.raid.doneBody')}
      </Alert>
      <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="raid-result">
        {created.map((item, index) => (
          <Card key={item.caseId} withBorder radius="md" p="sm" component="li">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed" ff="monospace">
                  {numbers.data?.get(item.caseId) ?? t('casesWeb.raid.personNumber', { number: index + 1 })}
                </Text>
                <Text fw={600}>{item.name}</Text>
                <PhotoStatus state={photos.states[item.caseId]} onRetry={() => photos.retry(item)} />
              </div>
              <Anchor component={Link} to={`/cases/${item.caseId}`} size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {t('casesWeb.raid.openCase')}
              </Anchor>
            </Group>
          </Card>
        ))}
      </Stack>
      <Group>
        <Button onClick={onAgain} leftSection={<Icon name="raid" size={16} />}>
          {t('casesWeb.raid.again')}
        </Button>
        <Button component={Link} to="/cases?list=new_today" variant="default">
          {t('casesWeb.raid.toWorklist')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A camera button for one person, with the picture's preview once taken. */
function PersonPhoto({ photo, number, onChange }: { photo: File | null; number: number; onChange: (photo: File | null) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (!photo) return setPreview(null);
    const url = URL.createObjectURL(photo);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [photo]);
  return (
    <Group gap="xs" wrap="nowrap">
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        aria-label={t('casesWeb.raid.photoOf', { number })}
        data-testid="raid-person-photo"
        onChange={(event) => {
          onChange(event.currentTarget.files?.[0] ?? null);
          event.currentTarget.value = '';
        }}
      />
      {preview && <Image src={preview} alt={t('casesWeb.raid.photoOf', { number })} w={48} h={48} radius="sm" fit="cover" />}
      <Button size="xs" variant={photo ? 'default' : 'light'} leftSection={<Icon name="camera" size={14} />} onClick={() => input.current?.click()}>
        {photo ? t('casesWeb.raid.retakePhoto') : t('casesWeb.raid.takePhoto')}
      </Button>
      {photo && (
        <ActionIcon variant="subtle" color="gray" onClick={() => onChange(null)} aria-label={t('casesWeb.raid.removePhoto', { number })}>
          <Icon name="x" size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}

export function RaidIntakePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { units, isPending: unitsPending, error: unitsError } = useShelterUnits();
  const [people, setPeople] = useState<Person[]>(() => [newPerson()]);
  const [personErrors, setPersonErrors] = useState<Record<number, FieldErrors>>({});
  const [created, setCreated] = useState<Created[] | null>(null);
  const nameInputs = useRef(new Map<number, HTMLInputElement>());
  const focusKey = useRef<number | null>(null);

  const form = useForm<Shared>({
    initialValues: sharedInitial(),
    validate: (values, tr) => {
      const result = createBatchIntakeBody.safeParse(toBody(values, people));
      const errors: FieldErrors = {};
      const perPerson: Record<number, FieldErrors> = {};
      if (!result.success) {
        for (const issue of result.error.issues) {
          const [head, index, field] = issue.path as (string | number)[];
          if (head === 'people' && typeof index === 'number' && typeof field === 'string') {
            perPerson[index] ??= {};
            perPerson[index][field] ??= issueMessage(issue, (people[index] as unknown as Record<string, unknown>)?.[field], tr);
          } else if (head === 'people') {
            errors.people ??= tr('casesWeb.raid.peopleRequired');
          } else {
            errors[String(head)] ??= issueMessage(issue, (values as Record<string, unknown>)[String(head)], tr);
          }
        }
      }
      if (!values.arrivedAt) errors.arrivedAt = tr('validation.required');
      if (values.categories.length === 0) errors.categories = tr('validation.required');
      setPersonErrors(perPerson);
      // An error on a person blocks the submit too; the form only needs to know there is one.
      return Object.keys(perPerson).length > 0 ? { ...errors, people: errors.people ?? tr('casesWeb.raid.checkPeople') } : errors;
    },
  });
  const { setValue } = form;

  useEffect(() => {
    if (units.length === 1 && !form.values.organizationId) setValue('organizationId', units[0].id);
  }, [units, form.values.organizationId, setValue]);

  // Focus the name of a person just added, so the next name can be typed at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the list has rendered the new person
  useEffect(() => {
    if (focusKey.current === null) return;
    const input = nameInputs.current.get(focusKey.current);
    focusKey.current = null;
    input?.focus();
    input?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [people]);

  const updatePerson = (key: number, change: Partial<Person>) => {
    setPeople((list) => list.map((person) => (person.key === key ? { ...person, ...change } : person)));
    const index = people.findIndex((person) => person.key === key);
    if (personErrors[index]) {
      setPersonErrors((current) => {
        const next = { ...current };
        const fields = { ...next[index] };
        for (const field of Object.keys(change)) delete fields[field];
        next[index] = fields;
        return next;
      });
    }
  };

  const addPerson = () => {
    const person = newPerson();
    focusKey.current = person.key;
    setPeople((list) => [...list, person]);
  };

  const removePerson = (key: number) => {
    setPeople((list) => (list.length > 1 ? list.filter((person) => person.key !== key) : list));
    setPersonErrors({});
  };

  const onNameKeyDown = (event: KeyboardEvent<HTMLInputElement>, index: number) => {
    if (event.key !== 'Enter') return;
    // Enter moves on to the next person instead of sending the form half-filled.
    event.preventDefault();
    const next = people[index + 1];
    if (next) nameInputs.current.get(next.key)?.focus();
    else addPerson();
  };

  const submit = form.onSubmit(async (values) => {
    try {
      const result = await api.post<{ batchId: string; caseIds: string[] }>('/intakes/batch', toBody(values, people));
      await queryClient.invalidateQueries({ queryKey: casesKey });
      setCreated(result.caseIds.map((caseId, i) => ({ caseId, name: people[i]?.name.trim() ?? '', photo: people[i]?.photo ?? null })));
      window.scrollTo({ top: 0 });
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const { perPerson, rest } = splitErrors(error.fields);
        setPersonErrors(perPerson);
        throw new ApiError(error.status, error.code, error.message, rest);
      }
      throw error;
    }
  });

  const again = () => {
    setCreated(null);
    setPeople([newPerson()]);
    setPersonErrors({});
    // Keep the shared block (same raid, next truck); only the arrival time moves on.
    setValue('arrivedAt', toPickerValue());
  };

  if (created) return <RaidResult created={created} onAgain={again} />;

  return (
    <DatesScope>
      <form onSubmit={submit} noValidate>
        <Stack maw={880} gap="md">
          <div>
            <Title order={1} size="h2">
              {t('casesWeb.raid.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('casesWeb.raid.intro')}
            </Text>
          </div>

          <FormSection title={t('casesWeb.raid.sharedSection')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('fields.source')}
                required
                data={enumOptions(t, 'case_sources', CASE_SOURCES)}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('source')}
              />
              <TextInput
                label={t('casesWeb.intake.broughtByAgency')}
                placeholder={t('casesWeb.raid.agencyPlaceholder')}
                {...form.getInputProps('broughtByAgency')}
              />
              <TextInput label={t('casesWeb.intake.broughtByName')} autoComplete="off" {...form.getInputProps('broughtByName')} />
              <TextInput label={t('casesWeb.intake.letterNumber')} {...form.getInputProps('letterNumber')} />
              <TextInput label={t('casesWeb.raid.location')} {...form.getInputProps('foundLocation')} />
              <DateTimeField
                label={t('casesWeb.raid.foundAt')}
                value={form.values.foundAt}
                error={form.errors.foundAt}
                onChange={(value) => setValue('foundAt', value)}
              />
              <DateTimeField
                label={t('fields.arrivedAt')}
                description={t('casesWeb.intake.arrivedAtHint')}
                required
                value={form.values.arrivedAt}
                error={form.errors.arrivedAt}
                onChange={(value) => setValue('arrivedAt', value)}
              />
              <UnitSelect
                units={units}
                disabled={unitsPending}
                placeholder={unitsPending ? t('web.common.loading') : undefined}
                {...form.getInputProps('organizationId')}
              />
            </SimpleGrid>
            <CategorySelect
              label={t('casesWeb.raid.defaultCategories')}
              description={t('casesWeb.raid.defaultCategoriesHint')}
              required
              {...form.getInputProps('categories')}
            />
            <ApiErrorAlert error={unitsError} />
          </FormSection>

          <FormSection title={t('casesWeb.raid.peopleSection', { count: people.length })} description={t('casesWeb.raid.peopleHint')}>
            <Stack gap="sm">
              {people.map((person, index) => {
                const errors = personErrors[index] ?? {};
                const number = index + 1;
                return (
                  <Card key={person.key} withBorder radius="md" p="sm" data-testid="raid-person">
                    <Stack gap="xs">
                      <Group justify="space-between" wrap="nowrap">
                        <Badge variant="light" size="lg" radius="sm">
                          {t('casesWeb.raid.personNumber', { number })}
                        </Badge>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          onClick={() => removePerson(person.key)}
                          disabled={people.length === 1}
                          aria-label={t('casesWeb.raid.removePerson', { number })}
                        >
                          <Icon name="trash" size={18} />
                        </ActionIcon>
                      </Group>
                      <TextInput
                        label={t('casesWeb.raid.nameOrDescription')}
                        placeholder={t('casesWeb.raid.namePlaceholder')}
                        required
                        autoComplete="off"
                        enterKeyHint="next"
                        ref={(element) => {
                          if (element) nameInputs.current.set(person.key, element);
                          else nameInputs.current.delete(person.key);
                        }}
                        value={person.name}
                        error={errors.name}
                        onChange={(event) => updatePerson(person.key, { name: event.currentTarget.value })}
                        onKeyDown={(event) => onNameKeyDown(event, index)}
                        data-testid="raid-person-name"
                      />
                      <Group gap="sm" align="flex-start" wrap="nowrap">
                        <div style={{ flex: 1, minWidth: 0 }}>
                          <SexControl short value={person.sex} onChange={(sex) => updatePerson(person.key, { sex })} error={errors.sex} />
                        </div>
                        <NumberInput
                          label={t('casesWeb.raid.age')}
                          w={96}
                          min={0}
                          max={120}
                          allowDecimal={false}
                          allowNegative={false}
                          inputMode="numeric"
                          hideControls
                          value={person.estimatedAge}
                          error={errors.estimatedAge}
                          onChange={(value) => updatePerson(person.key, { estimatedAge: value })}
                        />
                      </Group>
                      <PersonPhoto photo={person.photo} number={number} onChange={(photo) => updatePerson(person.key, { photo })} />
                    {person.hasOwnCategories ? (
                        <CategorySelect
                          label={t('casesWeb.raid.ownCategories')}
                          description={t('casesWeb.raid.ownCategoriesHint')}
                          value={person.categories}
                          error={errors.categories}
                          onChange={(categories) => updatePerson(person.key, { categories })}
                        />
                      ) : (
                        <UnstyledButton
                          onClick={() => updatePerson(person.key, { hasOwnCategories: true })}
                          c="teal.8"
                          fz="sm"
                          style={{ alignSelf: 'flex-start' }}
                        >
                          + {t('casesWeb.raid.addOwnCategories')}
                        </UnstyledButton>
                      )}
                    </Stack>
                  </Card>
                );
              })}
              <Button variant="light" leftSection={<Icon name="userPlus" size={18} />} onClick={addPerson} size="md" data-testid="raid-add-person">
                {t('casesWeb.raid.addPerson')}
              </Button>
              {form.errors.people && (
                <Text c="red" size="sm" role="alert">
                  {form.errors.people}
                </Text>
              )}
            </Stack>
          </FormSection>

          <ApiErrorAlert error={form.error} />
          <Button type="submit" size="md" loading={form.submitting} fullWidth>
            {t('casesWeb.raid.submit', { count: people.length })}
          </Button>
        </Stack>
      </form>
    </DatesScope>
  );
}

export default RaidIntakePage;
