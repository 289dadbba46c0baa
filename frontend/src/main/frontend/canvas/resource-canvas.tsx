// The adapter between Flow and React: the server's ResourceCanvas sets the "graph" state; a dragged card is sent
// back as a "card-moved" event, a selected card as "card-selected", the set of selected cards as "cards-selected",
// a drag from one card to another as "cards-connected", a click on a group's label as "group-selected".
import { type ReactElement } from 'react';
import { ReactAdapterElement, type RenderHooks } from 'Frontend/generated/flow/ReactAdapter';
import { CanvasView } from './canvas-view';
import type { CanvasGraph, CardMove, CardSelection, CardsConnected, CardsSelected, GroupSelection } from './model';

class ResourceCanvasElement extends ReactAdapterElement {
  protected override render(hooks: RenderHooks): ReactElement | null {
    const [graph] = hooks.useState<CanvasGraph | null>('graph', null);
    const cardMoved = hooks.useCustomEvent<CardMove>('card-moved');
    const cardSelected = hooks.useCustomEvent<CardSelection>('card-selected');
    const cardsConnected = hooks.useCustomEvent<CardsConnected>('cards-connected');
    const cardsSelected = hooks.useCustomEvent<CardsSelected>('cards-selected');
    const groupSelected = hooks.useCustomEvent<GroupSelection>('group-selected');
    return graph ? (
      <CanvasView
        graph={graph}
        onCardMoved={cardMoved}
        onCardSelected={cardSelected}
        onCardsConnected={cardsConnected}
        onCardsSelected={cardsSelected}
        onGroupSelected={groupSelected}
      />
    ) : null;
  }
}

customElements.define('stackdraft-canvas', ResourceCanvasElement);
