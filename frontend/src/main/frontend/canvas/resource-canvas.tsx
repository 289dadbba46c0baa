// The adapter between Flow and React: the server's ResourceCanvas sets the "graph" state; a dragged card is sent
// back as a "card-moved" event.
import { type ReactElement } from 'react';
import { ReactAdapterElement, type RenderHooks } from 'Frontend/generated/flow/ReactAdapter';
import { CanvasView } from './canvas-view';
import type { CanvasGraph, CardMove } from './model';

class ResourceCanvasElement extends ReactAdapterElement {
  protected override render(hooks: RenderHooks): ReactElement | null {
    const [graph] = hooks.useState<CanvasGraph | null>('graph', null);
    const cardMoved = hooks.useCustomEvent<CardMove>('card-moved');
    return graph ? <CanvasView graph={graph} onCardMoved={cardMoved} /> : null;
  }
}

customElements.define('stackdraft-canvas', ResourceCanvasElement);
