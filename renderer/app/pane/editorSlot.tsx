// Where the section editor plugs in. Until the Lexical section editor (renderer/editor/SectionEditor.tsx)
// is integrated, the section is shown read-only.
import type { SectionEditorProps } from '../../editor/contract';
import { useWb } from '../context';
import { DocumentView } from './DocumentView';

export function SectionEditorSlot(props: SectionEditorProps) {
  const assetUrls = useWb((s) => s.assetUrls);
  return <DocumentView doc={props.section} assetUrls={assetUrls} />;
}
