// Builds dist/, which the Go binary embeds: the sources as they are and
// echarts' prebuilt bundle with its licence. No bundler: the UI is plain
// ES modules. Run with: npm ci && npm run build (in http/ui).
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';

const dist = new URL('./dist/', import.meta.url);
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
for (const name of readdirSync(new URL('./src/', import.meta.url))) {
  cpSync(new URL(`./src/${name}`, import.meta.url), new URL(name, dist));
}
const echarts = new URL('./node_modules/echarts/', import.meta.url);
cpSync(new URL('dist/echarts.min.js', echarts), new URL('echarts.min.js', dist));
cpSync(new URL('LICENSE', echarts), new URL('echarts.LICENSE.txt', dist));
cpSync(new URL('NOTICE', echarts), new URL('echarts.NOTICE.txt', dist));
console.log('built', readdirSync(dist).join(' '));
