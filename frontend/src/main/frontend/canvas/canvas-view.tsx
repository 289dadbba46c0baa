// The canvas: React Flow with pan, zoom, fit, select and multi-select (ctrl/cmd-click, shift-drag for a box), a
// minimap, "find a resource by name", and group frames. It only draws what the server gives it and says what the
// user did: moved a card, selected cards or a group, dragged from one card to another to connect them.
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useEdgesState,
  useNodesState,
  useReactFlow,
  type Connection,
  type NodeChange,
  type Edge,
  type Node,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { CARD_HEIGHT, CARD_WIDTH, layout, type CardData, type EdgeData } from './layout';
import { canvasImage, download, type ImageKind } from './export';
import type { CanvasGraph, CardMove, CardSelection, CardsConnected, CardsSelected, GroupSelection } from './model';
import { GroupFrame, groupFrames } from './group-frame';
import { ResourceCard } from './resource-card';
import { TypedEdge } from './typed-edge';

const nodeTypes = { card: ResourceCard, 'group-frame': GroupFrame };

/** Over this many cards only the cards in view are drawn, and the view is not fitted to all of them after an edit. */
const LARGE_CANVAS = 150;
const edgeTypes = { typed: TypedEdge };

type Props = {
  graph: CanvasGraph;
  onCardMoved: (move: CardMove) => boolean;
  onCardSelected: (selection: CardSelection) => boolean;
  onCardsConnected: (connection: CardsConnected) => boolean;
  onCardsSelected: (selection: CardsSelected) => boolean;
  onGroupSelected: (selection: GroupSelection) => boolean;
};

export function CanvasView(props: Props) {
  return (
    <ReactFlowProvider>
      <Flow {...props} />
    </ReactFlowProvider>
  );
}

function Flow({ graph, onCardMoved, onCardSelected, onCardsConnected, onCardsSelected, onGroupSelected }: Props) {
  const [nodes, setNodes, onNodesChange] = useNodesState<Node<CardData>>([]);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge<EdgeData>>([]);
  const [ready, setReady] = useState(false);
  const drawnIds = useRef(new Set<string>());
  const flow = useReactFlow();
  const lastSelection = useRef('');
  const selectGroup = useCallback((id: string) => onGroupSelected({ id }), [onGroupSelected]);
  // groups are frames around their members wherever those are now, drawn behind the cards
  const drawn = useMemo<Node[]>(
    () => [...groupFrames(graph.groups ?? [], nodes, selectGroup), ...nodes],
    [graph.groups, nodes, selectGroup],
  );
  // frames are derived from the cards: changes React Flow reports for them (their size, measured) are not kept
  const nodesChanged = useCallback(
    (changes: NodeChange[]) =>
      onNodesChange(changes.filter((c) => !('id' in c) || !c.id.startsWith('group:')) as NodeChange<Node<CardData>>[]),
    [onNodesChange],
  );
  // the server hears of a change of the set of selected cards once, not on every redraw
  const selectionChanged = useCallback(
    ({ nodes: chosen }: { nodes: Node[] }) => {
      const ids = chosen.filter((n) => n.type === 'card').map((n) => n.id).sort();
      const key = ids.join('\n');
      if (key !== lastSelection.current) {
        lastSelection.current = key;
        onCardsSelected({ ids });
      }
    },
    [onCardsSelected],
  );
  const connect = useCallback(
    (connection: Connection) => {
      if (connection.source && connection.target && connection.source !== connection.target) {
        onCardsConnected({ from: connection.source, to: connection.target });
      }
    },
    [onCardsConnected],
  );

  useEffect(() => {
    performance.mark('stackdraft-canvas-committed'); // React has the cards (and has drawn them into the DOM)
  }, [nodes]);

  useEffect(() => {
    let current = true;
    performance.mark('stackdraft-canvas-data');
    const first = !ready;
    layout(graph).then((laid) => {
      if (current) {
        // after an edit, cards already on the canvas stay where they are and keep their selection; new ones are placed
        setNodes((before) => keepPlaces(before, laid.nodes, graph.renamed ?? {}));
        setEdges((before) => {
          const kept = new Map(before.map((e) => [e.id, e]));
          return laid.edges.map((e) => kept.get(e.id) ?? e); // an edge's id says its ends and kind: unchanged, kept
        });
        setReady(true);
        const renamedTo = new Set(Object.values(graph.renamed ?? {}));
        const added = laid.nodes.filter((n) => !drawnIds.current.has(n.id) && !renamedTo.has(n.id));
        drawnIds.current = new Set(laid.nodes.map((n) => n.id));
        requestAnimationFrame(() => {
          if (first || (added.length > 0 && laid.nodes.length <= LARGE_CANVAS)) {
            flow.fitView({ maxZoom: 1, duration: first ? 0 : 200 }); // a new card is in view, with the others
          } else if (added.some((n) => n.data.kind === 'resource')) {
            // a large stack: fitting all of it would draw every card; the view goes to the new resource, at the same
            // zoom (a new parameter or ARN card, which comes with an edit of the selected one, does not move the view)
            const card = flow.getNode(added.find((n) => n.data.kind === 'resource')!.id);
            if (card) {
              flow.setCenter(card.position.x + CARD_WIDTH / 2, card.position.y + CARD_HEIGHT / 2, {
                zoom: flow.getZoom(),
              });
            }
          }
          performance.mark('stackdraft-canvas-drawn');
        });
      }
    });
    return () => {
      current = false;
    };
  }, [graph]);

  return (
    <div
      className="sd-canvas"
      data-state={ready ? 'ready' : 'laying-out'}
      data-node-count={graph.nodes.length}
      data-edge-count={graph.edges.length}
    >
      <ReactFlow
        nodes={drawn}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={nodesChanged}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={(_, node) => onCardMoved({ id: node.id, x: node.position.x, y: node.position.y })}
        onNodeClick={(_, node) => node.type === 'card' && onCardSelected({ id: node.id })}
        onPaneClick={() => onCardSelected({ id: null })}
        onSelectionChange={selectionChanged}
        onConnect={connect}
        multiSelectionKeyCode={['Control', 'Meta']}
        defaultEdgeOptions={{ markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 } }}
        nodesConnectable
        connectOnClick={false}
        minZoom={0.05}
        onlyRenderVisibleElements={graph.nodes.length > LARGE_CANVAS}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable nodeClassName={(n) => (n.type === 'card' ? 'sd-mini-' + String((n.data as CardData).kind) : 'sd-mini-group')} />
        <Panel position="top-right">
          <Export nodes={drawn} />
        </Panel>
        <Panel position="top-left">
          <Find
            nodes={nodes}
            select={(id) => {
              setNodes((all) => all.map((n) => ({ ...n, selected: n.id === id })));
              onCardSelected({ id });
            }}
          />
        </Panel>
      </ReactFlow>
    </div>
  );
}

/** Finds a card by its name (logical id), selects it and brings it into view. */
function Find({ nodes, select }: { nodes: Node<CardData>[]; select: (id: string) => void }) {
  const flow = useReactFlow();
  const [query, setQuery] = useState('');
  const [missing, setMissing] = useState(false);
  const find = (event: FormEvent) => {
    event.preventDefault();
    const wanted = query.trim().toLowerCase();
    const found =
      nodes.find((n) => n.id.toLowerCase() === wanted) ?? nodes.find((n) => n.id.toLowerCase().includes(wanted));
    setMissing(!found);
    if (found) {
      select(found.id);
      flow.fitView({ nodes: [{ id: found.id }], maxZoom: 1.2, duration: 200 });
    }
  };
  return (
    <form className="sd-find" onSubmit={find} role="search">
      <input
        id="canvas-find"
        aria-label="Find a resource by name"
        placeholder="Find a resource"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {missing && <span className="sd-find-missing">No resource is named like that.</span>}
    </form>
  );
}

/**
 * After an edit: the cards already on the canvas stay where they are (and keep their selection), a renamed one where
 * it was under its old name; a new card, which
 * the fresh layout would put anywhere (perhaps under a kept one), goes in a row below everything.
 */
function keepPlaces(
  before: Node<CardData>[],
  laid: Node<CardData>[],
  renamed: Record<string, string>,
): Node<CardData>[] {
  if (before.length === 0) {
    return laid;
  }
  const kept = new Map(before.map((n) => [n.id, n]));
  for (const [from, to] of Object.entries(renamed)) {
    const old = kept.get(from);
    if (old && !kept.has(to)) {
      kept.set(to, old); // a renamed card is the same card
    }
  }
  const left = Math.min(...before.map((n) => n.position.x));
  const bottom = Math.max(...before.map((n) => n.position.y)) + CARD_HEIGHT + 48;
  let added = 0;
  return laid.map((n) => {
    const old = kept.get(n.id);
    if (old && old.id === n.id && sameData(old.data, n.data)) {
      return old; // the same object: React Flow skips a card that did not change (a 500-card stack redraws quickly)
    }
    if (old) {
      // the card's size is known already: React Flow need not hide and measure it again (a second render)
      return { ...n, position: old.position, selected: old.selected, measured: old.measured };
    }
    if (n.data.x != null && n.data.y != null) {
      return n; // a place a user chose before
    }
    return { ...n, position: { x: left + added++ * (CARD_WIDTH + 32), y: bottom } };
  });
}

/**
 * Whether a card draws the same: its line is not drawn (the panel says it), so a line added above it, which moves
 * every card's line below, does not make React Flow draw 500 cards again.
 */
function sameData(a: CardData, b: CardData): boolean {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((k) => k === 'line' || a[k] === b[k]);
}

/** Downloads the whole canvas as SVG or PNG; the page keeps what was made last, for tests and tooling. */
function Export({ nodes }: { nodes: Node[] }) {
  const [made, setMade] = useState('');
  const exportAs = async (kind: ImageKind, event: { currentTarget: HTMLElement }) => {
    const root = event.currentTarget.closest('.sd-canvas') as HTMLElement;
    const url = await canvasImage(root, nodes, kind);
    setMade(url.slice(0, url.indexOf(',') + 1));
    download(url, 'stack.' + kind);
  };
  return (
    <div className="sd-export" data-exported={made}>
      <button id="canvas-export-svg" type="button" onClick={(e) => exportAs('svg', e)}>
        SVG
      </button>
      <button id="canvas-export-png" type="button" onClick={(e) => exportAs('png', e)}>
        PNG
      </button>
    </div>
  );
}
