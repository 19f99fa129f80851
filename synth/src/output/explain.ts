// Reviewers read the YAML, not our TypeScript: an object can carry a sentence that says why it
// exists, written as a comment at the top of its file.
import { ApiObject } from 'cdk8s';
import type { IConstruct } from 'constructs';

const COMMENT = 'luster:comment';

/** Attaches `text` to the object `construct` renders, as the comment its file starts with. */
export function explain(construct: IConstruct, text: string): void {
  ApiObject.of(construct).node.addMetadata(COMMENT, text);
}

/** The comment attached with `explain`, or `undefined`. */
export function commentOf(apiObject: ApiObject): string | undefined {
  return apiObject.node.metadata.find((entry) => entry.type === COMMENT)?.data as string | undefined;
}
