// An AWS::Composer::Groups group: a frame drawn behind its members (never dragged or selected itself), with its label
// on top; clicking the label selects the group. Carries data-group-id and data-group-members for tests and tooling.
import type { Node, NodeProps } from '@xyflow/react';
import { CARD_HEIGHT, CARD_WIDTH, type CardData } from './layout';
import type { CanvasGroup } from './model';

export type FrameData = CanvasGroup & { onSelect: (id: string) => void } & Record<string, unknown>;

const PAD = 24;

export function GroupFrame({ data }: NodeProps<Node<FrameData>>) {
  return (
    <div className="sd-group" data-group-id={data.id} data-group-members={data.members.join(' ')}>
      <button type="button" className="sd-group-label" onClick={(event) => {
          event.stopPropagation(); // the group, not the frame node under it
          data.onSelect(data.id);
        }}>
        {data.label}
      </button>
    </div>
  );
}

/** The frames of the groups around where their members are now; a group none of whose members is drawn has none. */
export function groupFrames(
  groups: CanvasGroup[],
  cards: Node<CardData>[],
  onSelect: (id: string) => void,
): Node<FrameData>[] {
  const byId = new Map(cards.map((c) => [c.id, c]));
  const frames: Node<FrameData>[] = [];
  for (const group of groups) {
    const members = group.members.map((m) => byId.get(m)).filter((c): c is Node<CardData> => c !== undefined);
    if (members.length === 0) {
      continue;
    }
    const left = Math.min(...members.map((c) => c.position.x)) - PAD;
    const top = Math.min(...members.map((c) => c.position.y)) - PAD;
    const right = Math.max(...members.map((c) => c.position.x + CARD_WIDTH)) + PAD;
    const bottom = Math.max(...members.map((c) => c.position.y + CARD_HEIGHT)) + PAD;
    frames.push({
      id: 'group:' + group.id,
      type: 'group-frame',
      position: { x: left, y: top },
      style: { width: right - left, height: bottom - top },
      width: right - left,
      height: bottom - top,
      data: { ...group, onSelect },
      draggable: false,
      selectable: false,
      connectable: false,
      focusable: false,
      zIndex: -1,
    });
  }
  return frames;
}
