import { useEffect, useState } from "react";

/** A QR code of a link, as an SVG image (the encoder is loaded on first use). */
export function QrCode({ value, label }: { value: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void import("qrcode").then((qrcode) =>
      qrcode.toString(value, { type: "svg", margin: 1, errorCorrectionLevel: "M" }).then((markup) => current && setSvg(markup)),
    );
    return () => {
      current = false;
    };
  }, [value]);
  if (!svg) return null;
  return <img className="qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={label} width={128} height={128} />;
}
