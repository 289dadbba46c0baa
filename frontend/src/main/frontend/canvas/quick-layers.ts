// A quick layered layout for large stacks, where ELK takes seconds in the browser: cycles broken by a depth-first
// walk, longest-path layers (a card left of what it uses), a few barycentre sweeps to untangle each layer, cards
// with no link at all packed in columns after the last layer. Linear in cards and links per sweep.

export type Point = { x: number; y: number };
type Link = { from: string; to: string };

const SWEEPS = 4;
const LOOSE_PER_COLUMN = 20;

export function quickLayers(ids: string[], links: Link[], width: number, height: number, gapX: number, gapY: number): Map<string, Point> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  const into = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const { from, to } of acyclic(ids, links)) {
    out.get(from)!.push(to);
    into.get(to)!.push(from);
  }
  const linked = ids.filter((id) => out.get(id)!.length > 0 || into.get(id)!.length > 0);
  const layerOf = longestPath(linked, out, into);
  const layers: string[][] = [];
  for (const id of linked) {
    (layers[layerOf.get(id)!] ??= []).push(id);
  }
  untangle(layers, out, into);

  const tallest = Math.max(1, ...layers.map((layer) => layer.length));
  const at = new Map<string, Point>();
  layers.forEach((layer, l) => {
    const top = ((tallest - layer.length) * (height + gapY)) / 2;
    layer.forEach((id, i) => at.set(id, { x: l * (width + gapX), y: top + i * (height + gapY) }));
  });
  const loose = ids.filter((id) => !at.has(id));
  loose.forEach((id, i) => {
    const column = layers.length + Math.floor(i / LOOSE_PER_COLUMN);
    at.set(id, { x: column * (width + gapX), y: (i % LOOSE_PER_COLUMN) * (height + gapY) });
  });
  return at;
}

/** The links without those that close a cycle (back links of a depth-first walk), and without self-links. */
function acyclic(ids: string[], links: Link[]): Link[] {
  const next = new Map<string, Link[]>(ids.map((id) => [id, []]));
  links.filter((l) => l.from !== l.to && next.has(l.from) && next.has(l.to)).forEach((l) => next.get(l.from)!.push(l));
  const state = new Map<string, 'open' | 'done'>();
  const kept: Link[] = [];
  for (const root of ids) {
    if (state.has(root)) continue;
    const stack: [string, number][] = [[root, 0]];
    state.set(root, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [id, i] = top;
      const edges = next.get(id)!;
      if (i === edges.length) {
        state.set(id, 'done');
        stack.pop();
        continue;
      }
      top[1] = i + 1;
      const link = edges[i];
      const seen = state.get(link.to);
      if (seen === 'open') continue; // closes a cycle: left out of the layering
      kept.push(link);
      if (!seen) {
        state.set(link.to, 'open');
        stack.push([link.to, 0]);
      }
    }
  }
  return kept;
}

function longestPath(ids: string[], out: Map<string, string[]>, into: Map<string, string[]>): Map<string, number> {
  const waiting = new Map(ids.map((id) => [id, into.get(id)!.length]));
  const queue = ids.filter((id) => waiting.get(id) === 0);
  const layer = new Map<string, number>(queue.map((id) => [id, 0]));
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    for (const to of out.get(id)!) {
      layer.set(to, Math.max(layer.get(to) ?? 0, layer.get(id)! + 1));
      waiting.set(to, waiting.get(to)! - 1);
      if (waiting.get(to) === 0) queue.push(to);
    }
  }
  return layer;
}

/** Orders each layer by the mean position of its neighbours in the layer before (then after), a few times. */
function untangle(layers: string[][], out: Map<string, string[]>, into: Map<string, string[]>) {
  const index = new Map<string, number>();
  const renumber = (layer: string[]) => layer.forEach((id, i) => index.set(id, i));
  layers.forEach(renumber);
  const sortBy = (layer: string[], neighbours: Map<string, string[]>) => {
    const weight = new Map(layer.map((id) => {
      const near = neighbours.get(id)!.map((n) => index.get(n)!).filter((n) => n !== undefined);
      return [id, near.length ? near.reduce((a, b) => a + b, 0) / near.length : index.get(id)!];
    }));
    layer.sort((a, b) => weight.get(a)! - weight.get(b)!);
    renumber(layer);
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let l = 1; l < layers.length; l++) sortBy(layers[l], into);
    for (let l = layers.length - 2; l >= 0; l--) sortBy(layers[l], out);
  }
}
