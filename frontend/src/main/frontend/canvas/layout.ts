// Automatic layered layout in the browser: the server sends the graph, the browser places it. ELK (elkjs) for
// stacks of up to 150 cards; above that ELK takes seconds, and the quick layered layout places them. Cards a user
// moved keep their place; the layout places the others.
// @ts-ignore elkjs's bundled build has no type declarations of its own
import ELK from 'elkjs/lib/elk.bundled.js';
import type { Edge, Node } from '@xyflow/react';
import type { CanvasEdge, CanvasGraph, CanvasNode } from './model';
import { quickLayers, type Point } from './quick-layers';

export const CARD_WIDTH = 220;
export const CARD_HEIGHT = 56;

export type CardData = CanvasNode & Record<string, unknown>;
export type EdgeData = { kind: string } & Record<string, unknown>;

const elk = new ELK();

/** Over this many cards, ELK takes seconds in the browser: the quick layered layout places them instead. */
const LARGE = 150;
const GAP_X = 90;
const GAP_Y = 24;

const LAYERED = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': String(GAP_X),
  'elk.spacing.nodeNode': String(GAP_Y),
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

export async function layout(graph: CanvasGraph): Promise<{ nodes: Node<CardData>[]; edges: Edge<EdgeData>[] }> {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const drawn = graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  performance.mark('stackdraft-layout-start');
  const placed = graph.nodes.length > LARGE
    ? quickLayers(graph.nodes.map((n) => n.id), drawn, CARD_WIDTH, CARD_HEIGHT, GAP_X, GAP_Y)
    : await elkLayers(graph, drawn);
  performance.mark('stackdraft-layout-end');
  const nodes: Node<CardData>[] = graph.nodes.map((n) => ({
    id: n.id,
    type: 'card',
    position: n.x != null && n.y != null ? { x: n.x, y: n.y } : placed.get(n.id) ?? { x: 0, y: 0 },
    data: { ...n },
    ariaLabel: `${n.label}, ${n.type}`,
  }));
  const edges: Edge<EdgeData>[] = drawn.map((e) => ({
    id: e.id,
    source: e.from,
    target: e.to,
    type: 'typed',
    data: { kind: e.kind },
  }));
  return { nodes, edges };
}

async function elkLayers(graph: CanvasGraph, drawn: CanvasEdge[]): Promise<Map<string, Point>> {
  const laid = await elk.layout({
    id: 'stack',
    layoutOptions: LAYERED,
    children: graph.nodes.map((n) => ({ id: n.id, width: CARD_WIDTH, height: CARD_HEIGHT })),
    edges: drawn.map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  });
  const placed = new Map<string, Point>();
  for (const child of laid.children ?? []) {
    placed.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  }
  return placed;
}
