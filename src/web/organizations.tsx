/** The organization tree, fetched once and shared by the pages that pick or show organizations. */
import { useQuery } from '@tanstack/react-query';
import type { OrganizationView } from '../shared/contracts/organizations.js';
import { api } from './api.js';

export const organizationsKey = ['organizations'] as const;

export function useOrganizations(enabled = true) {
  return useQuery({
    queryKey: organizationsKey,
    queryFn: ({ signal }) => api.get<{ items: OrganizationView[] }>('/organizations', undefined, signal),
    select: (data) => data.items,
    enabled,
  });
}

export interface OrganizationNode extends OrganizationView {
  depth: number;
  children: OrganizationNode[];
}

/**
 * Arrange the flat list as a tree. An organization whose parent is not in the list (the top of what
 * this user may see) becomes a root.
 */
export function buildOrganizationTree(items: OrganizationView[]): OrganizationNode[] {
  const nodes = new Map<string, OrganizationNode>();
  for (const item of items) nodes.set(item.id, { ...item, depth: 0, children: [] });
  const roots: OrganizationNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const byKindThenName = (a: OrganizationNode, b: OrganizationNode) =>
    Number(a.kind === 'partner') - Number(b.kind === 'partner') || a.name.localeCompare(b.name);
  const setDepth = (list: OrganizationNode[], depth: number) => {
    list.sort(byKindThenName);
    for (const node of list) {
      node.depth = depth;
      setDepth(node.children, depth + 1);
    }
  };
  setDepth(roots, 0);
  return roots;
}

/** The tree in display order, each node once. */
export function flattenTree(roots: OrganizationNode[]): OrganizationNode[] {
  const out: OrganizationNode[] = [];
  const walk = (list: OrganizationNode[]) => {
    for (const node of list) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(roots);
  return out;
}

/**
 * Props for an organization Select: options in tree order, shown indented by depth in the dropdown
 * (the chosen value shows the plain name).
 */
export function organizationSelectProps(items: OrganizationView[] | undefined) {
  const nodes = flattenTree(buildOrganizationTree(items ?? []));
  const depth = new Map(nodes.map((node) => [node.id, node.depth]));
  return {
    data: nodes.map((node) => ({ value: node.id, label: node.name })),
    renderOption: ({ option }: { option: { value: string; label: string } }) => (
      <span style={{ paddingLeft: `${(depth.get(option.value) ?? 0) * 14}px` }}>{option.label}</span>
    ),
  };
}
