// An edge drawn by kind (event sources solid, references and permissions dashed, layers and data sources their
// own), carrying data-edge-from / data-edge-to / data-edge-kind with the ids and kinds the CLI's graph prints.
import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import type { EdgeData } from './layout';

export function TypedEdge(props: EdgeProps<Edge<EdgeData>>) {
  const [path] = getBezierPath(props);
  const kind = props.data?.kind ?? 'ref';
  return (
    <g className={`sd-edge sd-edge-${kind}`} data-edge-from={props.source} data-edge-to={props.target} data-edge-kind={kind}>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} />
    </g>
  );
}
