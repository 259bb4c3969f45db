// @vercel/ncc ships no type declarations; this covers the programmatic API we use.
declare module '@vercel/ncc' {
  export interface NccOptions {
    cache?: string | false;
    externals?: string[];
    filterAssetBase?: string;
    minify?: boolean;
    sourceMap?: boolean;
    sourceMapRegister?: boolean;
    sourceMapBasePrefix?: string;
    assetBuilds?: boolean;
    license?: string;
    target?: string;
    transpileOnly?: boolean;
    v8cache?: boolean;
    quiet?: boolean;
    debugLog?: boolean;
  }
  export interface NccAsset {
    source: string | Buffer;
    permissions?: number;
  }
  export interface NccResult {
    code: string;
    map?: string;
    assets: Record<string, NccAsset>;
    symlinks: Record<string, string>;
  }
  export default function ncc(entry: string, options?: NccOptions): Promise<NccResult>;
}
