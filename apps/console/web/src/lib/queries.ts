/** The graph's operations the console uses; all go through the gateway like any other client. */
export const MY_ORGANIZATIONS = `{ myOrganizations { id name kind code } }`;

export const ORGANIZATION_BRIEF = `query($id: ID!) { organization(id: $id) { id name kind code } }`;

export const ORGANIZATION = `query($id: ID!) {
  organization(id: $id) { id name kind code parent { id name } children(first: 200) { items { id name kind code } } }
}`;

const FIGURES = `members { total newMembers byStage { key count } }
  branches { total underThreeFullMembers overFiftyMembers electionsDue electionsOverdue }
  activities { held attendanceRate complianceRate requiredMeetingsDue requiredMeetingsHeld byType { key count } byMonth { key count } }
  dues { expectedFen collectedFen membersInArrears }
  assessment { year rated byScore { key count } byStars { key count } topTen byAppraisal { key count }
    pioneerMembers averagePioneerIndex modelPostsConfirmed }
  pairing { activePairs services servicesByType { key count } beneficiaries fundsYuan wishesPosted wishesClaimed wishesFulfilled
    householdsVisited problemsCollected problemsResolved problemsOverdue averageDaysToResolve }`;

export const STATISTICS = `query($id: ID!, $period: String!) { organization(id: $id) { id statistics(period: $period) { ${FIGURES} } } }`;

/**
 * The 三会一课 compliance of each quarter of a year, in one request (an alias a quarter): the
 * general meeting and the Party lecture are quarterly duties, so a month alone says little.
 */
export const quarterlyCompliance = (year: number, quarters: number): string => {
  const fields = Array.from(
    { length: quarters },
    (_, i) =>
      `q${i + 1}: statistics(period: "${year}-Q${i + 1}") { activities { complianceRate requiredMeetingsDue requiredMeetingsHeld } }`,
  ).join('\n');
  return `query($id: ID!) { organization(id: $id) { id ${fields} } }`;
};

export const BRANCH_MEMBERS = `query($id: ID!, $after: String) {
  organization(id: $id) { id name members(first: 200, after: $after, stages: [PROBATIONARY, FULL], statuses: [ACTIVE, FLOATING, LOST_CONTACT]) {
    items { id name gender stage category } totalCount pageInfo { hasNextPage endCursor } } }
}`;

export const ROSTER_PAGE = `query($id: ID!, $after: String) {
  organizationMembers(organizationId: $id, includeSubtree: true, first: 200, after: $after) {
    items { id name gender stage category birthDate idNumber phone workUnit post organization { name } }
    totalCount pageInfo { hasNextPage endCursor }
  }
}`;

export const RECORD_ACTIVITY = `mutation($input: RecordActivityInput!) {
  recordActivity(input: $input) { id topic heldOn attendanceCounts { expected present late excused absent rate } }
}`;

export const IMPORT_MEMBERS = `mutation($csv: String!) {
  importMembers(csv: $csv, allOrNothing: true) { imported rowsRead rejectedRows totalErrors errors { row column code message } }
}`;

export const TO_DO = `query($id: ID!, $period: String!) {
  activityReminders(under: $id, first: 20) { items { id type topic plannedOn host { name } } }
  developmentDue(organizationId: $id, first: 20) { items { kind dueOn member { id name } } }
  duesArrears(organizationId: $id, first: 20) { items { member { id name } consecutiveUnpaid owedFen flagged } totalCount }
  committeeTermAlerts(under: $id, first: 20) { items { id name termEndsOn termStatus } }
  organization(id: $id) { id compliance(period: $period) { missingSlots dueSlots requirements { requirement slots { period status } } } }
}`;

export const DEVELOPING_MEMBERS = `query($id: ID!) {
  organization(id: $id) { id members(first: 200, stages: [APPLICANT, ACTIVIST, CANDIDATE, PROBATIONARY]) {
    items { id name stage nextSteps { step ordinal label } } } }
}`;

export const RECORD_STEP = `mutation($memberId: ID!, $input: DevelopmentStepInput!) {
  recordDevelopmentStep(memberId: $memberId, input: $input) { id name stage nextSteps { step ordinal label } }
}`;
