/** The part of autocannon 7's API the HTTP benchmark uses (the package ships no types). */
declare module 'autocannon' {
  interface Options { url: string; connections?: number; duration?: number; pipelining?: number; workers?: number }
  interface Histogram { average: number; p99: number }
  interface Result { requests: Histogram; latency: Histogram; errors: number; non2xx: number }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
