// A page that hosts the section editor alone (and, for comparison, a plain Lexical editor) for the editor
// benchmark and the editor's own browser tests. Driven from Playwright through window.yb.
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { createRef, StrictMode, useState, type JSX } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { HouseStyleSchema, type Comment, type Contributor, type Section } from '../../../shared/model';
import type { EditorBookContext, EditorFocus, SectionEditorHandle } from '../../../renderer/editor/contract';
import { SectionEditor } from '../../../renderer/editor/SectionEditor';

interface MountOptions {
  readOnly?: boolean;
  contributors?: Contributor[];
  assets?: Record<string, string>;
  strict?: boolean;
  /** Offer commenting (book.comments kept in the page; each save also goes to window.ybSaveComment if exposed). */
  comments?: boolean;
}

interface HarnessApi {
  mountSection(section: Section, opts?: MountOptions): void;
  /** Mounts and resolves with the milliseconds until `blocks` top-level blocks are on screen (next frame painted). */
  timedMount(kind: 'section' | 'plain', data: Section | string[], blocks: number): Promise<number>;
  mountPlain(paragraphs: string[]): void;
  unmount(): void;
  setSection(section: Section): void;
  setFocus(focus: EditorFocus): void;
  handle: SectionEditorHandle | null;
  changes: number;
  last: Section | null;
  contributors: Contributor[];
  selections: unknown[];
}

declare global {
  interface Window {
    yb: HarnessApi;
    ybSaveComment?: (c: Comment) => void;
  }
}

let root: Root | null = null;
const handleRef = createRef<SectionEditorHandle>();
let setSectionState: ((s: Section) => void) | null = null;
let setFocusState: ((f: EditorFocus) => void) | null = null;

function Host(props: { section: Section; opts: MountOptions }): JSX.Element {
  const [section, setSection] = useState(props.section);
  const [focus, setFocus] = useState<EditorFocus | undefined>(undefined);
  const [contributors, setContributors] = useState<Contributor[]>(props.opts.contributors ?? []);
  const [comments, setComments] = useState<Comment[]>([]);
  setSectionState = setSection;
  setFocusState = setFocus;
  const assets = props.opts.assets ?? {};
  const book: EditorBookContext = {
    bookId: 'b_bench',
    recordYear: 2020,
    houseStyle: HouseStyleSchema.parse({}),
    contributors,
    assets: Object.keys(assets).map((id) => ({ id, fileName: `${id}.png`, mime: 'image/png', byteLength: 1, sha256: '0'.repeat(64) })),
    assetUrl: (id) => assets[id] ?? null,
  };
  return (
    <SectionEditor
      ref={handleRef}
      section={section}
      book={{
        ...book,
        addContributor: (c: Contributor) => {
          setContributors((cs) => [...cs, c]);
          window.yb.contributors = [...window.yb.contributors, c];
        },
        ...(props.opts.comments
          ? {
              comments,
              userName: '李编辑',
              saveComment: (c: Comment) => {
                setComments((cs) => [...cs.filter((x) => x.id !== c.id), c]);
                void window.ybSaveComment?.(c);
              },
              deleteComment: (id: string) => setComments((cs) => cs.filter((x) => x.id !== id)),
            }
          : {}),
      }}
      readOnly={props.opts.readOnly}
      focus={focus}
      onChange={(s) => {
        window.yb.changes++;
        window.yb.last = s;
      }}
      onSelectionChange={(info) => window.yb.selections.push(info)}
    />
  );
}

function Plain(props: { paragraphs: string[] }): JSX.Element {
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'plain',
        onError: (e) => console.error(e),
        editorState: () => {
          const r = $getRoot();
          for (const t of props.paragraphs) r.append($createParagraphNode().append($createTextNode(t)));
        },
      }}
    >
      <div style={{ height: '100%', overflow: 'auto' }}>
        <RichTextPlugin contentEditable={<ContentEditable className="plain-content" style={{ outline: 'none', padding: 40, lineHeight: 1.9, fontSize: 16 }} />} ErrorBoundary={LexicalErrorBoundary} />
      </div>
      <HistoryPlugin />
    </LexicalComposer>
  );
}

function mount(el: JSX.Element, strict = false): void {
  root?.unmount();
  root = createRoot(document.getElementById('root')!);
  root.render(strict ? <StrictMode>{el}</StrictMode> : el);
}

function afterPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(0);
    }),
  );
}

window.yb = {
  async timedMount(kind, data, blocks) {
    window.yb.unmount();
    await afterPaint();
    const t0 = performance.now();
    if (kind === 'section') window.yb.mountSection(data as Section);
    else window.yb.mountPlain(data as string[]);
    for (;;) {
      const t = await afterPaint();
      const root = document.querySelector('[contenteditable="true"]');
      if (root && root.children.length >= blocks) return t - t0;
      if (t - t0 > 30000) throw new Error('editor did not render');
    }
  },
  mountSection(section, opts = {}) {
    window.yb.changes = 0;
    window.yb.last = null;
    window.yb.contributors = opts.contributors ?? [];
    mount(<Host section={section} opts={opts} />, opts.strict);
  },
  mountPlain(paragraphs) {
    mount(<Plain paragraphs={paragraphs} />);
  },
  unmount() {
    root?.unmount();
    root = null;
  },
  setSection(section) {
    setSectionState?.(section);
  },
  setFocus(focus) {
    setFocusState?.(focus);
  },
  get handle() {
    return handleRef.current;
  },
  changes: 0,
  last: null,
  contributors: [],
  selections: [],
};
