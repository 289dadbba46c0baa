// The one message shape each way between the server and the canvas (ResourceCanvas.java holds the same records).

/** A box of the resource graph, as the CLI's `graph --format json` names it; x/y where a user left it. */
export type CanvasNode = {
  id: string;
  type: string;
  kind: 'resource' | 'parameter' | 'import' | 'external';
  label: string;
  line: number;
  x?: number | null;
  y?: number | null;
  /** How many validation findings lie in this resource's definition, the worst one's severity, and its message. */
  findings: number;
  severity?: 'error' | 'warning' | 'info' | null;
  finding?: string | null;
  /** Set when the selected environment uses an existing resource instead: its ARN ('' while none is given). */
  existing?: string | null;
};

/** A typed link: `from` uses `to` (ref, getatt, sub, dependsOn, import, event, policy, layer, connector, datasource). */
export type CanvasEdge = { id: string; from: string; to: string; kind: string };

/** An `AWS::Composer::Groups` group of the template: drawn as a frame around its members. */
export type CanvasGroup = { id: string; label: string; members: string[] };

/** `renamed`: the cards the last edit renamed, old id to new; a renamed card stays where it was. */
export type CanvasGraph = {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  groups: CanvasGroup[];
  renamed?: Record<string, string>;
};

/** Sent back when a user has dragged a card to a new place. */
export type CardMove = { id: string; x: number; y: number };

/** Sent when the user selects one card (its id) or clicks the empty canvas (null). */
export type CardSelection = { id: string | null };

/** Sent when the user has dragged from one card's handle to another card: "connect these". */
export type CardsConnected = { from: string; to: string };

/** Sent when the set of selected cards changes (shift-click, box select): the ids, in no particular order. */
export type CardsSelected = { ids: string[] };

/** Sent when the user clicks a group's label. */
export type GroupSelection = { id: string };
