// One card of the canvas: a badge and a label by type. Carries the attributes other tooling reads:
// data-resource-id / data-resource-type on resources, data-node-id / data-node-kind on every card, and
// data-findings / data-severity where validation found something in the resource.
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { lookOf } from './looks';
import type { CardData } from './layout';

/** The part of an ARN that names the resource: what fits on a card. */
function arnTail(arn: string | null | undefined): string {
  if (!arn) {
    return '';
  }
  const parts = arn.split(':');
  return parts.slice(5).join(':') || arn;
}

export function ResourceCard({ data, selected }: NodeProps<Node<CardData>>) {
  const look = lookOf(data.type, data.kind);
  const resource = data.kind === 'resource';
  const existing = data.existing != null;
  const uses = existing ? `\nUses an existing one here: ${data.existing || 'its ARN is not given yet'}` : '';
  return (
    <div
      className={`sd-card sd-family-${look.family}${selected ? ' sd-selected' : ''}${existing ? ' sd-existing' : ''}`}
      data-node-id={data.id}
      data-node-kind={data.kind}
      data-resource-id={resource ? data.id : undefined}
      data-resource-type={resource ? data.type : undefined}
      data-findings={data.findings > 0 ? data.findings : undefined}
      data-severity={data.severity ?? undefined}
      data-existing={existing ? data.existing ?? '' : undefined}
      title={`${data.id}\n${look.name}${uses}${data.finding ? '\n' + data.finding : ''}`}
    >
      <Handle type="target" position={Position.Left} />
      <span className="sd-badge" aria-hidden="true">
        {look.badge}
      </span>
      <span className="sd-text">
        <span className="sd-label">{data.label}</span>
        <span className="sd-type">{existing ? 'existing · ' + (arnTail(data.existing) || 'ARN not given') : look.name}</span>
      </span>
      {data.findings > 0 && (
        <span className={`sd-findings sd-findings-${data.severity ?? 'info'}`} aria-label={`${data.findings} findings`}>
          {data.findings}
        </span>
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}
