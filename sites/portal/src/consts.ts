export const SITE_TITLE: string = import.meta.env.PUBLIC_SITE_TITLE ?? '阳光村务 · 青山县计生协';
export const SITE_DESCRIPTION =
  '青山县计划生育协会村务公开平台：政策文件、扶助对象与资金发放情况依法公开，接受群众监督。';
export const FEED_PATH = '/feed.xml';
export const ATOM_PATH = '/atom.xml';
export const FEED_TITLE = `${SITE_TITLE} · 政策文件`;
export const HOME_LATEST_COUNT = 10;
export const TIME_ZONE = 'Asia/Shanghai';

/** Fallback labels; each row also carries the label its publisher chose. */
export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  ASSISTANCE: '扶助政策',
  REWARD: '奖励政策',
  SERVICE: '宣传服务',
  ORGANIZATION: '协会建设',
  NOTICE: '通知公告',
};
