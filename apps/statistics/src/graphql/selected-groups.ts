import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import type { FigureGroup } from '../figures/compute-figures';

/** Which group of figures fills each field of `OrganizationStatistics` (the period fields need none). */
const GROUP_OF_FIELD: Record<string, FigureGroup> = {
  organizationsByKind: 'tree',
  branches: 'tree',
  members: 'members',
  activities: 'activities',
  dues: 'dues',
  assessment: 'assessment',
  pairing: 'pairing',
};

/** The figure groups the request reads from the field being resolved, through fragments too. */
export function selectedGroups(info: GraphQLResolveInfo): FigureGroup[] {
  const groups = new Set<FigureGroup>();
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const group = GROUP_OF_FIELD[selection.name.value];
        if (group) groups.add(group);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes as readonly FieldNode[]) visit(node.selectionSet);
  return [...groups];
}
