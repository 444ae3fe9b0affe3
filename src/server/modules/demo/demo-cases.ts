import type { Db } from '../../db/client.js';
import { toActor } from '../auth/auth.service.js';
import { advanceStage, createBatchIntake, createIntake, terminateCase } from '../cases/cases.service.js';
import { createShift } from '../roster/roster.service.js';
import { admit, createRoom } from '../shelter/shelter.service.js';
import { findUserById } from '../users/users.repository.js';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
/** Reception done a quarter of an hour after arrival, as the SOP expects. */
const receivedAfter = (arrivedHoursAgo: number) => hoursAgo(arrivedHoursAgo - 0.25);

/** A handful of fictional clients in different stages, so every worklist has something to show. */
export async function loadDemoCases(tx: Db, unitId: string, officerId: string, workerId: string, headId: string) {
  const officerRow = await findUserById(tx, officerId);
  const workerRow = await findUserById(tx, workerId);
  const officer = toActor(officerRow!.user, officerRow!.organization);
  const worker = toActor(workerRow!.user, workerRow!.organization);
  const headRow = await findUserById(tx, headId);
  const head = toActor(headRow!.user, headRow!.organization);
  const base = { organizationId: unitId };

  const menRoom = await createRoom(tx, head, { organizationId: unitId, name: 'Kamar Laki-laki', sex: 'male', bedLabels: ['L1', 'L2', 'L3', 'L4'] });
  await createRoom(tx, head, { organizationId: unitId, name: 'Kamar Perempuan', sex: 'female', bedLabels: ['P1', 'P2', 'P3'] });
  // Today's 24-hour duty (WIB date), so "on duty now" has someone to show.
  const todayWib = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  await createShift(tx, head, { organizationId: unitId, shiftDate: todayWib, startTime: '00:00', endTime: '00:00', officerUserId: officerId, roleNote: 'Piket 24 jam (DEMO)' });

  const traveller = await createIntake(tx, officer, {
    ...base,
    source: 'police',
    broughtByAgency: 'Polsek Kademangan',
    letterNumber: 'SKOT/17/XI/2026 (fiktif)',
    foundLocation: 'Stasiun Probolinggo',
    arrivedAt: hoursAgo(3),
    receptionCompletedAt: receivedAfter(3),
    categories: ['local_stranded_traveller'],
    presentingProblem: 'Kehabisan bekal perjalanan menuju Banyuwangi.',
    client: { name: 'Slamet Riyadi (DEMO)', nameQuality: 'full', aliases: [], sex: 'male', birthDateQuality: 'unknown', estimatedAge: 45, nikQuality: 'unknown', originAddress: 'Kec. Genteng, Banyuwangi' },
  });
  await advanceStage(tx, officer, traveller.id, 'initial_identification', 'complete', { notes: 'Identitas sesuai keterangan Polsek.', at: hoursAgo(2.3) });
  await advanceStage(tx, officer, traveller.id, 'health_civil_check', 'complete', { notes: 'Sehat, tekanan darah normal.', at: hoursAgo(1.8) });
  await admit(tx, officer, { caseId: traveller.id, bedId: menRoom.beds[0].id, admittedAt: hoursAgo(1.7) });

  const odgj = await createIntake(tx, officer, {
    ...base,
    source: 'community_complaint',
    foundLocation: 'Terminal Bayuangga',
    arrivedAt: hoursAgo(80),
    receptionCompletedAt: receivedAfter(80),
    categories: ['local_psychotic_homeless'],
    presentingProblem: 'Berbicara sendiri, tidak ingat nama dan alamat.',
    client: { name: 'Mr. X Terminal (DEMO)', nameQuality: 'unknown', aliases: ['Pak Jenggot'], sex: 'male', birthDateQuality: 'unknown', estimatedAge: 35, nikQuality: 'unknown', physicalDescription: 'Tinggi ±165 cm, berjenggot, kaos biru.' },
  });
  void odgj;

  await createIntake(tx, officer, {
    ...base,
    source: 'social_pillar',
    broughtByName: 'TKSK Kec. Mayangan (fiktif)',
    arrivedAt: hoursAgo(1),
    receptionCompletedAt: receivedAfter(1),
    categories: ['ppks_04'],
    client: { name: 'Rizky (DEMO)', nameQuality: 'partial', aliases: [], sex: 'male', birthDateQuality: 'partial', estimatedAge: 12, nikQuality: 'unknown' },
  });

  await createBatchIntake(tx, officer, {
    ...base,
    source: 'satpol_pp_raid',
    broughtByAgency: 'Satpol PP Kota Probolinggo',
    foundLocation: 'Perempatan Jl. Soekarno-Hatta',
    arrivedAt: hoursAgo(20),
    receptionCompletedAt: receivedAfter(20),
    categories: ['ppks_12'],
    people: [
      { name: 'Perempuan baju hijau (DEMO)', nameQuality: 'unknown', sex: 'female', estimatedAge: 50 },
      { name: 'Suparman (DEMO)', nameQuality: 'partial', sex: 'male', estimatedAge: 60, categories: ['ppks_08'] },
      { name: 'Anak laki-laki topi merah (DEMO)', nameQuality: 'unknown', sex: 'male', estimatedAge: 10, categories: ['ppks_04'] },
    ],
  });

  const elderly = await createIntake(tx, officer, {
    ...base,
    source: 'emergency_112',
    arrivedAt: hoursAgo(30),
    receptionCompletedAt: receivedAfter(30),
    categories: ['local_neglected_elderly'],
    client: { name: 'Mbah Sarinah (DEMO)', nameQuality: 'full', aliases: ['Mbah Sar'], sex: 'female', birthDateQuality: 'unknown', estimatedAge: 78, nikQuality: 'unknown' },
  });
  await terminateCase(tx, worker, elderly.id, { outcome: 'reunified_family', notes: 'Dijemput cucu (fiktif).', at: hoursAgo(2) });
}
