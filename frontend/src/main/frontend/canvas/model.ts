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
};

/** A typed link: `from` uses `to` (ref, getatt, sub, dependsOn, import, event, policy, layer, connector, datasource). */
export type CanvasEdge = { id: string; from: string; to: string; kind: string };

export type CanvasGraph = { nodes: CanvasNode[]; edges: CanvasEdge[] };

/** Sent back when a user has dragged a card to a new place. */
export type CardMove = { id: string; x: number; y: number };

/** Sent when the user selects one card (its id) or clicks the empty canvas (null). */
export type CardSelection = { id: string | null };
