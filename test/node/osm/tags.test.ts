import { describe, expect, it } from 'vitest';
import { roadClassIndex } from '../../../src/sim/roads/classes';
import { drivableClass, onewayOf, parseMaxspeed } from '../../../src/node/osm/tags';

describe('OSM tags for driving', () => {
  it('parses speed limits in km/h: plain numbers, mph, units and UK zones', () => {
    expect(parseMaxspeed('50')).toBe(50);
    expect(parseMaxspeed('30 mph')).toBeCloseTo(48.28, 2);
    expect(parseMaxspeed('20mph')).toBeCloseTo(32.19, 2);
    expect(parseMaxspeed('50 km/h')).toBe(50);
    expect(parseMaxspeed('GB:nsl_single')).toBeCloseTo(96.56, 2);
    expect(parseMaxspeed('GB:motorway')).toBeCloseTo(112.65, 2);
    expect(parseMaxspeed('30 mph;40 mph'), 'first of several').toBeCloseTo(48.28, 2);
    for (const none of [undefined, '', 'none', 'signals', 'walk', 'GB:zone', '0', 'fast', '-20']) expect(parseMaxspeed(none), String(none)).toBe(0);
  });

  it('reads one-way tags, with motorways and roundabouts one-way unless told otherwise', () => {
    expect(onewayOf({ highway: 'residential' })).toBe(0);
    expect(onewayOf({ highway: 'residential', oneway: 'yes' })).toBe(1);
    expect(onewayOf({ highway: 'residential', oneway: '-1' })).toBe(-1);
    expect(onewayOf({ highway: 'motorway' })).toBe(1);
    expect(onewayOf({ highway: 'motorway', oneway: 'no' })).toBe(0);
    expect(onewayOf({ highway: 'primary', junction: 'roundabout' })).toBe(1);
  });

  it('keeps drivable classes and leaves out closed, private, area and parking ways', () => {
    expect(drivableClass({ highway: 'primary' })).toBe(roadClassIndex('primary'));
    expect(drivableClass({ highway: 'footway' })).toBe(-1);
    expect(drivableClass({ highway: 'cycleway' })).toBe(-1);
    expect(drivableClass({})).toBe(-1);
    expect(drivableClass({ highway: 'residential', access: 'private' })).toBe(-1);
    expect(drivableClass({ highway: 'residential', motor_vehicle: 'no' })).toBe(-1);
    expect(drivableClass({ highway: 'residential', access: 'no', motorcar: 'yes' }), 'motorcar=yes wins over access=no').toBe(roadClassIndex('residential'));
    expect(drivableClass({ highway: 'service', service: 'parking_aisle' })).toBe(-1);
    expect(drivableClass({ highway: 'service', service: 'alley' })).toBe(roadClassIndex('service'));
    expect(drivableClass({ highway: 'pedestrian', area: 'yes' })).toBe(-1);
    expect(drivableClass({ highway: 'residential', area: 'yes' })).toBe(-1);
  });
});
