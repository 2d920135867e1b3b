// The typefaces of the page: Noto Serif SC for the text (宋体 role), Noto Sans SC for titles (黑体 role),
// bundled so the page looks the same on every machine. Only the subsets a page uses are downloaded.
import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import '@fontsource/noto-sans-sc/500.css';
import '@fontsource/noto-sans-sc/700.css';
