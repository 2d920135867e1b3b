// Messages of the application shell (window, menus, host services).
const zh = {
  'app.name': '年鉴编纂工作台',
} as const;

const en: Record<keyof typeof zh, string> = {
  'app.name': 'Yearbook Workbench',
};

export const app = { zh, en };
