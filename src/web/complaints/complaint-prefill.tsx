import { Alert } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ComplaintView } from '../../shared/contracts/complaints.js';
import { api } from '../api.js';
import { toPickerValue } from '../cases/case-format.js';

export interface ComplaintPrefill {
  source: 'community_complaint';
  foundLocation: string;
  foundAt: string;
  presentingProblem: string;
  organizationId: string;
}

/** Where the complaint's place goes in the intake: the address, and the GPS point when there is one. */
export function complaintLocation(c: Pick<ComplaintView, 'address' | 'latitude' | 'longitude'>): string {
  const gps = c.latitude !== null && c.longitude !== null ? ` (GPS ${c.latitude.toFixed(5)}, ${c.longitude.toFixed(5)})` : '';
  return `${c.address}${gps}`.slice(0, 300);
}

/**
 * The intake page opened from a complaint (`/cases/new?complaintId=…`): prefill source, place, time
 * and what was seen, and after the case is created link it to the complaint.
 */
export function useComplaintPrefill(apply: (prefill: ComplaintPrefill) => void): { banner: ReactNode; link: (caseId: string) => Promise<void> } {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const complaintId = params.get('complaintId');
  const applied = useRef(false);
  const complaint = useQuery({
    queryKey: ['complaints', 'one', complaintId],
    queryFn: ({ signal }) => api.get<ComplaintView>(`/complaints/${complaintId}`, undefined, signal),
    enabled: Boolean(complaintId),
  });
  const applyRef = useRef(apply);
  applyRef.current = apply;
  useEffect(() => {
    const c = complaint.data;
    if (!c || applied.current) return;
    applied.current = true;
    applyRef.current({
      source: 'community_complaint',
      foundLocation: complaintLocation(c),
      foundAt: toPickerValue(new Date(c.seenAt ?? c.receivedAt)),
      presentingProblem: c.description,
      organizationId: c.organizationId,
    });
  }, [complaint.data]);
  return {
    banner: complaint.data ? (
      <Alert color="teal" variant="light" data-testid="intake-from-complaint">
        {t('complaints.fromComplaint', { code: complaint.data.trackingCode })}
      </Alert>
    ) : null,
    link: async (caseId: string) => {
      if (!complaintId) return;
      await api.post(`/complaints/${complaintId}/link-case`, { caseId });
      await queryClient.invalidateQueries({ queryKey: ['complaints'] });
    },
  };
}
