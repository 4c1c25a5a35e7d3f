export { verifyToken, bearerToken, secretKey } from './verifyToken';
export {
  authorize,
  authorizePerson,
  authorizeSite,
  can,
  type Action,
  type PersonViewer,
  type SiteViewer,
} from './can';
export { anonymous, roles, type Role, type Viewer } from './roles';
