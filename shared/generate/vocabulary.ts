// The frame of a district yearbook (区级综合年鉴): its 类目 in book order and, for each, the 分目 such
// volumes carry. Only the frame is written here; the text inside comes from the sample book's real
// sentences (harvest.ts). "{d}" stands for the district ("拱墅区"), "{p}" for its short name ("拱墅").
import type { CategoryRole } from '../model/schema';

export interface CategoryFrame {
  title: string;
  titleEn?: string;
  role: CategoryRole;
  /** Section titles in print order; the generator takes as many as the volume's size calls for. */
  sections: string[];
  /** Share of the volume's sections this category gets (relative weight). */
  weight: number;
  /** Sections that often have 次目 (subsections). */
  subsections?: Record<string, string[]>;
}

export const STREETS = [
  '米市巷街道', '湖墅街道', '小河街道', '和睦街道', '拱宸桥街道', '大关街道', '上塘街道', '祥符街道',
  '康桥街道', '半山街道', '天水街道', '武林街道', '长庆街道', '潮鸣街道', '朝晖街道', '文晖街道',
  '东新街道', '石桥街道',
];

export const MONTHS = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];

export const CATEGORY_FRAMES: CategoryFrame[] = [
  { title: '特载', titleEn: 'Special Reports', role: 'special', sections: [], weight: 0 },
  { title: '大事记', titleEn: 'Chronicle of Events', role: 'chronicle', sections: MONTHS, weight: 0 },
  {
    title: '区情概览',
    titleEn: 'Overview',
    role: 'overview',
    weight: 0.7,
    sections: ['自然地理', '建置沿革', '行政区划', '人口', '综合经济', '社会事业', '年度荣誉', '民生实事', '重点工程', '区域合作', '发展规划'],
  },
  {
    title: '中共{d}委员会',
    titleEn: 'CPC {d} Committee',
    role: 'regular',
    weight: 1.2,
    sections: ['重要会议', '重要活动', '组织工作', '宣传工作', '统一战线', '政法工作', '机构编制', '政策研究', '党史研究', '老干部工作', '机关党建', '督查工作', '保密工作', '信息化建设'],
    subsections: { 组织工作: ['干部工作', '基层组织建设', '党员教育管理', '人才工作'], 宣传工作: ['理论学习', '新闻宣传', '精神文明建设'] },
  },
  {
    title: '{d}人民代表大会常务委员会',
    titleEn: "Standing Committee of {d} People's Congress",
    role: 'regular',
    weight: 0.8,
    sections: ['重要会议', '监督工作', '重大事项决定', '人事任免', '代表工作', '信访工作', '自身建设', '街道人大工作', '调查研究', '对外联络', '专题询问'],
  },
  {
    title: '{d}人民政府',
    titleEn: "People's Government of {d}",
    role: 'regular',
    weight: 1.2,
    sections: ['概述', '重要会议', '政务服务', '信访工作', '外事侨务', '机关事务', '人民防空', '地方志', '档案', '数据资源管理', '政府法制', '应急管理', '对口支援'],
  },
  {
    title: '政协{d}委员会',
    titleEn: 'CPPCC {d} Committee',
    role: 'regular',
    weight: 0.8,
    sections: ['重要会议', '协商议政', '民主监督', '提案工作', '专委会工作', '委员工作', '界别工作', '文史工作', '联谊交往', '自身建设', '街道政协联络'],
  },
  {
    title: '纪检监察',
    titleEn: 'Discipline Inspection and Supervision',
    role: 'regular',
    weight: 0.8,
    sections: ['党风廉政建设', '监督检查', '审查调查', '巡察工作', '作风建设', '廉政教育', '派驻监督', '信访举报', '案件审理', '干部队伍建设', '清廉单元建设'],
  },
  {
    title: '民主党派 工商联',
    titleEn: 'Democratic Parties and Federation of Industry and Commerce',
    role: 'regular',
    weight: 0.8,
    sections: ['民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社', '台盟', '工商联', '无党派人士', '新的社会阶层人士'],
  },
  {
    title: '群众团体',
    titleEn: 'Mass Organizations',
    role: 'regular',
    weight: 1,
    sections: ['总工会', '共青团', '妇女联合会', '科学技术协会', '归国华侨联合会', '残疾人联合会', '红十字会', '文学艺术界联合会', '社会科学界联合会', '工商业联合会', '关心下一代工作委员会', '老龄工作'],
  },
  {
    title: '法治',
    titleEn: 'Rule of Law',
    role: 'regular',
    weight: 1.2,
    sections: ['公安', '检察', '审判', '司法行政', '法律服务', '人民调解', '社区矫正', '普法教育', '平安建设', '禁毒工作', '消防救援', '交通安全管理'],
    subsections: { 公安: ['刑事侦查', '治安管理', '交通管理', '出入境管理'], 审判: ['刑事审判', '民商事审判', '行政审判', '执行工作'] },
  },
  {
    title: '军事',
    titleEn: 'Military Affairs',
    role: 'regular',
    weight: 0.6,
    sections: ['人民武装', '兵役工作', '民兵预备役', '国防教育', '国防动员', '退役军人事务', '双拥工作', '优抚安置', '军民融合', '驻区部队'],
  },
  {
    title: '经济管理',
    titleEn: 'Economic Management',
    role: 'regular',
    weight: 1.2,
    sections: ['发展和改革', '统计', '审计', '市场监督管理', '税务', '国有资产管理', '价格管理', '营商环境', '信用建设', '招投标管理', '物价', '安全生产监督'],
  },
  {
    title: '财政 金融',
    titleEn: 'Finance and Banking',
    role: 'regular',
    weight: 1,
    sections: ['财政收支', '财政管理', '政府采购', '国库集中支付', '金融机构', '银行业', '保险业', '证券业', '地方金融监管', '企业上市', '小额贷款', '融资担保'],
  },
  {
    title: '农业农村',
    titleEn: 'Agriculture and Rural Affairs',
    role: 'regular',
    weight: 1,
    sections: ['农业生产', '林业', '水利', '乡村振兴', '农村改革', '农产品质量安全', '农业机械化', '动物防疫', '美丽乡村建设', '农民培训', '农村集体经济'],
  },
  {
    title: '工业',
    titleEn: 'Industry',
    role: 'regular',
    weight: 1.2,
    sections: ['工业经济', '规模以上工业', '重点产业', '数字经济', '智能制造', '安全生产', '节能降耗', '企业服务', '小微企业园', '工业投资', '技术改造', '质量品牌'],
  },
  {
    title: '建筑业 房地产业',
    titleEn: 'Construction and Real Estate',
    role: 'regular',
    weight: 0.8,
    sections: ['建筑业', '建筑市场管理', '工程质量安全', '房地产开发', '房地产市场管理', '住房保障', '物业管理', '老旧小区改造', '房屋安全', '征收与补偿', '装配式建筑'],
  },
  {
    title: '商贸服务业',
    titleEn: 'Commerce and Services',
    role: 'regular',
    weight: 1,
    sections: ['商贸流通', '消费促进', '电子商务', '粮食流通', '供销合作', '烟草专卖', '商业网点', '夜间经济', '会展业', '商务诚信', '餐饮住宿业', '现代服务业'],
  },
  {
    title: '开放型经济',
    titleEn: 'Open Economy',
    role: 'regular',
    weight: 0.8,
    sections: ['招商引资', '对外贸易', '利用外资', '经济合作', '开发区建设', '总部经济', '跨境电商', '楼宇经济', '服务外包', '口岸工作', '人才引进'],
  },
  {
    title: '交通 邮政 通信',
    titleEn: 'Transport, Post and Telecommunications',
    role: 'regular',
    weight: 0.8,
    sections: ['道路建设', '公共交通', '交通管理', '轨道交通', '运河航运', '停车管理', '邮政', '快递业', '电信', '移动通信', '信息基础设施'],
  },
  {
    title: '城市建设与管理',
    titleEn: 'Urban Construction and Management',
    role: 'regular',
    weight: 1.2,
    sections: ['城市规划', '城市建设', '城市管理', '园林绿化', '市政设施', '城中村改造', '环境卫生', '垃圾分类', '亮灯工程', '违法建设治理', '数字城管', '河道整治'],
    subsections: { 城市建设: ['重点项目', '道路工程', '配套设施'] },
  },
  {
    title: '自然资源 生态环境',
    titleEn: 'Natural Resources and Ecological Environment',
    role: 'regular',
    weight: 1,
    sections: ['自然资源管理', '土地利用', '大气污染防治', '水环境治理', '土壤污染防治', '固体废物治理', '生态建设', '环境监测', '环境执法', '碳达峰碳中和', '五水共治'],
  },
  {
    title: '科学技术',
    titleEn: 'Science and Technology',
    role: 'regular',
    weight: 0.9,
    sections: ['科技创新', '高新技术产业', '科技企业培育', '知识产权', '科学普及', '科技合作', '创新平台', '气象', '地震', '科技人才', '成果转化'],
  },
  {
    title: '教育',
    titleEn: 'Education',
    role: 'regular',
    weight: 1.2,
    sections: ['概况', '学前教育', '义务教育', '高中教育', '职业教育', '特殊教育', '社区教育', '民办教育', '教师队伍', '教育信息化', '学校建设', '招生考试'],
    subsections: { 义务教育: ['小学教育', '初中教育', '集团化办学'] },
  },
  {
    title: '文化 旅游 广电',
    titleEn: 'Culture, Tourism and Broadcasting',
    role: 'regular',
    weight: 1.1,
    sections: ['公共文化', '文艺创作', '文物保护', '非物质文化遗产', '运河文化', '旅游业', '文化产业', '广播电视', '新闻出版', '图书馆', '文化馆', '博物馆'],
  },
  {
    title: '卫生健康 体育',
    titleEn: 'Health and Sports',
    role: 'regular',
    weight: 1.1,
    sections: ['医疗服务', '公共卫生', '疫情防控', '中医药', '基层卫生', '妇幼保健', '人口家庭', '爱国卫生', '医院建设', '群众体育', '竞技体育', '体育设施'],
    subsections: { 疫情防控: ['核酸检测', '疫苗接种', '重点人员管控'] },
  },
  {
    title: '社会生活',
    titleEn: 'Social Life',
    role: 'regular',
    weight: 1.2,
    sections: ['民政', '人力资源和社会保障', '医疗保障', '住房公积金', '东西部协作', '居民生活', '物价水平', '社区建设', '社会组织', '慈善事业', '殡葬管理', '婚姻登记'],
    subsections: { 民政: ['社会救助', '养老服务', '儿童福利', '区划地名'] },
  },
  { title: '街道', titleEn: 'Sub-districts', role: 'regular', weight: 1.1, sections: STREETS },
  {
    title: '人物',
    titleEn: 'Personages',
    role: 'regular',
    weight: 0.5,
    sections: ['先进人物', '省级以上劳动模范', '先进集体', '逝世人物', '人物名录', '表彰奖励', '优秀共产党员', '最美人物', '道德模范', '杰出人才'],
  },
  {
    title: '附录',
    titleEn: 'Appendix',
    role: 'appendix',
    weight: 0.4,
    sections: ['统计资料', '文件选编', '表彰名录', '媒体报道索引', '重要文献', '区域地名录'],
  },
];

/** "拱墅年鉴" → { full: "拱墅区", short: "拱墅" }. */
export function districtOf(bookTitle: string): { full: string; short: string } {
  const short = bookTitle.replace(/[（(].*$/, '').replace(/年鉴$/, '').replace(/^\d{4}/, '').trim() || '示范';
  const full = /[区县市旗]$/.test(short) ? short : `${short}区`;
  return { full, short: short.replace(/[区县]$/, '') };
}

export function fillDistrict(template: string, d: { full: string; short: string }): string {
  return template.replace(/\{d\}/g, d.full).replace(/\{p\}/g, d.short);
}
