// Names that must be unique within a list (topics, deployments, consumer groups of a topic):
// each repeat is reported at its own `name`, naming where the first one is. Items carry their
// index in the file, since some checks run on a filtered list (the items valid on their own).
import { formatPath, type PathSegments } from './errors.js';
import type { Problems } from './problem.js';

export interface NamedItem {
  name: string;
  index: number;
}

export function checkUniqueNames(items: readonly NamedItem[], path: PathSegments, what: string, problems: Problems): void {
  const first = new Map<string, number>();
  for (const { name, index } of items) {
    const seen = first.get(name);
    if (seen === undefined) {
      first.set(name, index);
      continue;
    }
    problems.add(
      [...path, index, 'name'],
      `duplicate ${what} name "${name}" (first used at ${formatPath([...path, seen])})`,
      'give each one a different name',
    );
  }
}
