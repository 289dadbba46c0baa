// Export of the whole canvas (every card, not just the ones in view) as SVG or PNG, drawn with html-to-image from
// React Flow's own DOM, framed on the cards' bounds.
import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

const MAX_SIDE = 4096;
const PADDING = 0.05;

export type ImageKind = 'svg' | 'png';

/** The image as a data URL; the caller offers it as a download. */
export async function canvasImage(root: HTMLElement, nodes: Node[], kind: ImageKind): Promise<string> {
  const bounds = getNodesBounds(nodes);
  const width = Math.min(MAX_SIDE, Math.ceil(bounds.width * 1.1) + 80);
  const height = Math.min(MAX_SIDE, Math.ceil(bounds.height * 1.1) + 80);
  const viewport = getViewportForBounds(bounds, width, height, 0.05, 2, PADDING);
  const target = root.querySelector('.react-flow__viewport') as HTMLElement;
  const render = kind === 'png' ? toPng : toSvg;
  return render(target, {
    backgroundColor: '#ffffff',
    width,
    height,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
    },
  });
}

export function download(url: string, name: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
}
